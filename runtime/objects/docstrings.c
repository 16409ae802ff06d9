/* docstrings.c — the __doc__ and __text_signature__ of the builtin functions,
 * the methods of the builtin types, the types themselves and the builtin
 * modules, in one table keyed by name ("len", "list.append", "math.sqrt",
 * "type:list", "module:math") so that the C method tables stay as they are.
 *
 * A signature is written as CPython spells __text_signature__: "$module" or
 * "$self" or "$type" first for the argument that is bound, "/" after the
 * positional-only ones. NULL means the parameters do not fit one signature
 * (getattr's optional default, min's two forms); the doc then starts with
 * the usages, as CPython's do. The prose is scr's own.
 */
#include <string.h>
#include "objects/docstrings.h"

typedef struct DocEntry { const char *key, *sig, *doc; } DocEntry;

static const DocEntry docs[] = {
    /* ---- builtin functions ---- */
    {"print", "($module, /, *args, sep=' ', end='\\n', file=None, flush=False)",
     "Write the str() of each argument to file (sys.stdout when None).\n\n"
     "  sep\n    put between two values; a space when None.\n"
     "  end\n    written after the last value; a newline when None.\n"
     "  flush\n    flush the stream after writing."},
    {"input", "($module, prompt='', /)",
     "Write prompt, read one line from standard input and return it without its newline.\n\n"
     "EOFError is raised when the input ends before a line is read."},
    {"len", "($module, obj, /)", "Return how many items the container obj holds."},
    {"repr", "($module, obj, /)",
     "Return the printable text of obj, the form the interactive prompt echoes."},
    {"ascii", "($module, obj, /)",
     "Like repr(), but with every non-ASCII character written as an escape."},
    {"hash", "($module, obj, /)",
     "Return the hash of obj: equal objects have equal hashes."},
    {"id", "($module, obj, /)",
     "Return a number that identifies obj for as long as it lives (its address in scr)."},
    {"callable", "($module, obj, /)", "Return True when obj can be called, False otherwise."},
    {"abs", "($module, x, /)", "Return the absolute value of x."},
    {"ord", "($module, c, /)", "Return the code point of the one-character string c."},
    {"chr", "($module, i, /)",
     "Return the one-character string whose code point is i (0 <= i <= 0x10ffff)."},
    {"hex", "($module, number, /)", "Return the integer number written in base 16, as '0x1f'."},
    {"oct", "($module, number, /)", "Return the integer number written in base 8, as '0o17'."},
    {"bin", "($module, number, /)", "Return the integer number written in base 2, as '0b101'."},
    {"isinstance", "($module, obj, class_or_tuple, /)",
     "Tell whether obj is an instance of the class, or of a subclass of it.\n\n"
     "A tuple of classes asks about each of them: isinstance(x, (A, B)) is\n"
     "isinstance(x, A) or isinstance(x, B)."},
    {"issubclass", "($module, cls, class_or_tuple, /)",
     "Tell whether cls is the class, or derives from it.\n\n"
     "A tuple of classes asks about each of them, as isinstance() does."},
    {"getattr", NULL,
     "getattr(object, name[, default]) -> value\n\n"
     "Look the attribute called name up on object: getattr(x, 'y') is x.y.\n"
     "When the attribute is missing, default is returned if it was given;\n"
     "otherwise AttributeError is raised."},
    {"hasattr", "($module, obj, name, /)",
     "Tell whether obj has an attribute called name (getattr() does not raise AttributeError)."},
    {"setattr", "($module, obj, name, value, /)",
     "Bind the attribute called name of obj to value: setattr(x, 'y', v) is x.y = v."},
    {"delattr", "($module, obj, name, /)",
     "Remove the attribute called name from obj: delattr(x, 'y') is del x.y."},
    {"iter", NULL,
     "iter(iterable) -> iterator\n"
     "iter(callable, sentinel) -> iterator\n\n"
     "Return an iterator over the items of iterable. In the second form the\n"
     "iterator calls callable with no argument until it returns sentinel."},
    {"next", NULL,
     "next(iterator[, default])\n\n"
     "Return the iterator's next item. At its end, return default when it\n"
     "was given, else raise StopIteration."},
    {"any", "($module, iterable, /)",
     "Return True as soon as one item of iterable is true; False when none is (or it is empty)."},
    {"all", "($module, iterable, /)",
     "Return False as soon as one item of iterable is false; True when none is (or it is empty)."},
    {"sum", "($module, iterable, /, start=0)",
     "Add the items of iterable to start and return the total.\n\n"
     "Meant for numbers: strings are refused (use ''.join(items))."},
    {"min", NULL,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Return the smallest item of iterable, or the smallest argument.\n"
     "key computes what is compared; default is returned for an empty iterable\n"
     "(ValueError without it)."},
    {"max", NULL,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Return the largest item of iterable, or the largest argument.\n"
     "key computes what is compared; default is returned for an empty iterable\n"
     "(ValueError without it)."},
    {"sorted", "($module, iterable, /, *, key=None, reverse=False)",
     "Return a new list of the items of iterable in ascending order.\n\n"
     "key computes what is compared; reverse=True sorts in descending order.\n"
     "The sort is stable: equal items keep their order."},
    {"divmod", "($module, x, y, /)", "Return the pair (x // y, x % y)."},
    {"pow", "($module, /, base, exp, mod=None)",
     "Return base ** exp, or base ** exp % mod (computed without the huge power) when mod is given."},
    {"round", "($module, /, number, ndigits=None)",
     "Round number to ndigits decimal digits, halves to even.\n\n"
     "Without ndigits (or with None) the result is an int; otherwise it has\n"
     "number's type."},
    {"format", "($module, value, format_spec='', /)",
     "Return value formatted by format_spec, the mini-language of str.format()."},
    {"globals", "($module, /)", "Return the dict of the current module's global variables."},
    {"dir", NULL,
     "dir([object]) -> list of strings\n\n"
     "Without an argument, the names of the current scope, sorted.\n"
     "With one, the sorted names of object's attributes: for a module its\n"
     "globals, for a class its attributes and its bases', for an instance\n"
     "its own attributes and its class's."},
    {"locals", "($module, /)", "Return a dict of the current scope's local variables."},
    {"vars", NULL,
     "vars([object]) -> dictionary\n\n"
     "Without an argument, the same as locals(); with one, object.__dict__."},
    {"getrefcount", "($module, object, /)",
     "Return object's reference count; the argument itself holds one of them."},
    {"exit", "($module, /, code=None)", "Leave the program by raising SystemExit(code)."},
    {"quit", "($module, /, code=None)", "Leave the program by raising SystemExit(code)."},
    {"open", "($module, /, file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
     "Open the file called file and return a file object; OSError when that fails.\n\n"
     "mode is 'r' (read, the default), 'w' (write, truncating first), 'a'\n"
     "(append) or 'x' (create, failing if it exists), with 'b' for bytes\n"
     "instead of text and '+' for reading and writing."},

    /* ---- str ---- */
    {"str.join", "($self, iterable, /)",
     "Return the strings of iterable glued together with this string between them.\n\n"
     "'-'.join(['a', 'b', 'c']) is 'a-b-c'."},
    {"str.split", "($self, /, sep=None, maxsplit=-1)",
     "Return the list of the parts of the string cut at each sep.\n\n"
     "  sep\n    where to cut; when None, at each run of whitespace, and empty\n    parts are left out.\n"
     "  maxsplit\n    the most cuts to make, from the left; -1 for no limit."},
    {"str.rsplit", "($self, /, sep=None, maxsplit=-1)",
     "Like split(), but maxsplit counts the cuts from the right."},
    {"str.splitlines", "($self, /, keepends=False)",
     "Return the list of the lines of the string.\n\n"
     "The line ends are left out unless keepends is true."},
    {"str.strip", "($self, chars=None, /)",
     "Return the string without the characters of chars at either end (whitespace when None)."},
    {"str.lstrip", "($self, chars=None, /)",
     "Return the string without the characters of chars at its start (whitespace when None)."},
    {"str.rstrip", "($self, chars=None, /)",
     "Return the string without the characters of chars at its end (whitespace when None)."},
    {"str.replace", "($self, old, new, count=-1, /)",
     "Return the string with each old changed to new.\n\n"
     "When count is not negative, only the first count are changed."},
    {"str.find", NULL,
     "S.find(sub[, start[, end]]) -> int\n\n"
     "Return the lowest index where sub occurs in S[start:end], or -1."},
    {"str.rfind", NULL,
     "S.rfind(sub[, start[, end]]) -> int\n\n"
     "Return the highest index where sub occurs in S[start:end], or -1."},
    {"str.index", NULL,
     "S.index(sub[, start[, end]]) -> int\n\n"
     "Like find(), but ValueError when sub does not occur."},
    {"str.rindex", NULL,
     "S.rindex(sub[, start[, end]]) -> int\n\n"
     "Like rfind(), but ValueError when sub does not occur."},
    {"str.count", NULL,
     "S.count(sub[, start[, end]]) -> int\n\n"
     "Return how many times sub occurs in S[start:end], without overlaps."},
    {"str.startswith", NULL,
     "S.startswith(prefix[, start[, end]]) -> bool\n\n"
     "Tell whether S[start:end] begins with prefix (or one of a tuple of prefixes)."},
    {"str.endswith", NULL,
     "S.endswith(suffix[, start[, end]]) -> bool\n\n"
     "Tell whether S[start:end] ends with suffix (or one of a tuple of suffixes)."},
    {"str.upper", "($self, /)", "Return the string with its letters in upper case."},
    {"str.lower", "($self, /)", "Return the string with its letters in lower case."},
    {"str.casefold", "($self, /)", "Return a form of the string for comparing without regard to case."},
    {"str.swapcase", "($self, /)", "Return the string with upper-case letters lowered and lower-case ones raised."},
    {"str.title", "($self, /)", "Return the string with each word's first letter raised and the others lowered."},
    {"str.capitalize", "($self, /)", "Return the string with its first character raised and the rest lowered."},
    {"str.isdigit", "($self, /)", "Tell whether the string is not empty and all its characters are digits."},
    {"str.isdecimal", "($self, /)", "Tell whether the string is not empty and all its characters are decimal digits."},
    {"str.isnumeric", "($self, /)", "Tell whether the string is not empty and all its characters are numeric."},
    {"str.isalpha", "($self, /)", "Tell whether the string is not empty and all its characters are letters."},
    {"str.isspace", "($self, /)", "Tell whether the string is not empty and all its characters are whitespace."},
    {"str.isalnum", "($self, /)", "Tell whether the string is not empty and all its characters are letters or digits."},
    {"str.isupper", "($self, /)", "Tell whether the string has cased letters and all of them are upper case."},
    {"str.islower", "($self, /)", "Tell whether the string has cased letters and all of them are lower case."},
    {"str.istitle", "($self, /)", "Tell whether each word of the string starts upper case and goes on lower case."},
    {"str.isidentifier", "($self, /)", "Tell whether the string could be a name in a program (keywords included)."},
    {"str.isascii", "($self, /)", "Tell whether every character of the string is ASCII (the empty string is)."},
    {"str.isprintable", "($self, /)", "Tell whether repr() would show every character of the string as itself."},
    {"str.center", "($self, width, fillchar=' ', /)",
     "Return the string centred in width characters, padded with fillchar."},
    {"str.ljust", "($self, width, fillchar=' ', /)",
     "Return the string on the left of width characters, padded with fillchar."},
    {"str.rjust", "($self, width, fillchar=' ', /)",
     "Return the string on the right of width characters, padded with fillchar."},
    {"str.zfill", "($self, width, /)",
     "Return the string padded with zeros on the left to width characters, after any sign."},
    {"str.expandtabs", "($self, /, tabsize=8)",
     "Return the string with each tab replaced by spaces up to the next multiple of tabsize."},
    {"str.format", NULL,
     "S.format(*args, **kwargs) -> str\n\n"
     "Return S with each {field} replaced by the argument it names, formatted."},
    {"str.partition", "($self, sep, /)",
     "Cut the string at the first sep: the tuple (before, sep, after).\n\n"
     "Without sep in the string: (the string, '', '')."},
    {"str.rpartition", "($self, sep, /)",
     "Cut the string at the last sep: the tuple (before, sep, after).\n\n"
     "Without sep in the string: ('', '', the string)."},
    {"str.removeprefix", "($self, prefix, /)", "Return the string without prefix at its start, if it is there."},
    {"str.removesuffix", "($self, suffix, /)", "Return the string without suffix at its end, if it is there."},
    {"str.encode", "($self, /, encoding='utf-8', errors='strict')",
     "Return the string encoded as bytes."},
    {"str.__format__", "($self, format_spec, /)", "Return the string formatted by format_spec."},

    /* ---- list ---- */
    {"list.append", "($self, object, /)", "Add object at the end of the list."},
    {"list.pop", "($self, index=-1, /)",
     "Take the item at index (the last by default) out of the list and return it.\n\n"
     "IndexError when the list is empty or index is out of range."},
    {"list.extend", "($self, iterable, /)", "Add the items of iterable at the end of the list."},
    {"list.insert", "($self, index, object, /)", "Put object into the list before position index."},
    {"list.remove", "($self, value, /)",
     "Take the first item equal to value out of the list.\n\n"
     "ValueError when there is none."},
    {"list.index", "($self, value, start=0, stop=sys.maxsize, /)",
     "Return the position of the first item equal to value.\n\n"
     "ValueError when there is none."},
    {"list.count", "($self, value, /)", "Return how many items equal value."},
    {"list.sort", "($self, /, *, key=None, reverse=False)",
     "Sort the list where it is, in ascending order; return None.\n\n"
     "key computes what is compared; reverse=True sorts in descending order.\n"
     "The sort is stable: equal items keep their order."},
    {"list.reverse", "($self, /)", "Reverse the order of the items, in the list itself."},
    {"list.clear", "($self, /)", "Take every item out of the list."},
    {"list.copy", "($self, /)", "Return a new list with the same items (a shallow copy)."},

    /* ---- dict ---- */
    {"dict.get", "($self, key, default=None, /)", "Return the value of key, or default when key is not in the dict."},
    {"dict.keys", NULL, "D.keys() -> a set-like view of the dict's keys"},
    {"dict.values", NULL, "D.values() -> a view of the dict's values"},
    {"dict.items", NULL, "D.items() -> a set-like view of the dict's (key, value) pairs"},
    {"dict.pop", NULL,
     "D.pop(k[,d]) -> v\n\n"
     "Take key k out of the dict and return its value; when k is missing,\n"
     "return d if it was given, else raise KeyError."},
    {"dict.popitem", "($self, /)",
     "Take the last inserted (key, value) pair out of the dict and return it.\n\n"
     "KeyError when the dict is empty."},
    {"dict.setdefault", "($self, key, default=None, /)",
     "Return the value of key, first inserting key with default when it is missing."},
    {"dict.update", NULL,
     "D.update([E, ]**F) -> None\n\n"
     "Add the pairs of E (a mapping, or an iterable of pairs) and then the\n"
     "keyword arguments F to the dict, replacing the values of keys it has."},
    {"dict.clear", NULL, "D.clear() -> None\n\nTake every item out of the dict."},
    {"dict.copy", NULL, "D.copy() -> a new dict with the same items (a shallow copy)"},
    {"dict.fromkeys", "($type, iterable, value=None, /)",
     "Return a new dict with the items of iterable as keys, each mapped to value."},

    /* ---- set and frozenset ---- */
    {"set.add", NULL, "Put an element into the set."},
    {"set.remove", NULL, "Take an element out of the set; KeyError when it is not there."},
    {"set.discard", NULL, "Take an element out of the set if it is there."},
    {"set.pop", NULL, "Take some element out of the set and return it; KeyError when empty."},
    {"set.clear", NULL, "Take every element out of the set."},
    {"set.copy", NULL, "Return a new set with the same elements (a shallow copy)."},
    {"set.update", NULL, "Add the elements of each argument to the set."},
    {"set.union", NULL, "Return a new set of the elements in the set or in any argument."},
    {"set.intersection", NULL, "Return a new set of the elements in the set and in every argument."},
    {"set.intersection_update", NULL, "Keep only the elements that are also in every argument."},
    {"set.difference", NULL, "Return a new set of the elements in the set but in no argument."},
    {"set.difference_update", NULL, "Take out the elements that are in any argument."},
    {"set.symmetric_difference", NULL, "Return a new set of the elements in exactly one of the set and the argument."},
    {"set.symmetric_difference_update", NULL, "Keep the elements in exactly one of the set and the argument."},
    {"set.issubset", NULL, "Tell whether every element of the set is in the argument."},
    {"set.issuperset", NULL, "Tell whether every element of the argument is in the set."},
    {"set.isdisjoint", NULL, "Tell whether the set and the argument have no element in common."},
    {"frozenset.copy", NULL, "Return the frozenset itself: it cannot change."},
    {"frozenset.union", NULL, "Return a new frozenset of the elements in it or in any argument."},
    {"frozenset.intersection", NULL, "Return a new frozenset of the elements in it and in every argument."},
    {"frozenset.difference", NULL, "Return a new frozenset of the elements in it but in no argument."},
    {"frozenset.symmetric_difference", NULL, "Return a new frozenset of the elements in exactly one of it and the argument."},
    {"frozenset.issubset", NULL, "Tell whether every element of the frozenset is in the argument."},
    {"frozenset.issuperset", NULL, "Tell whether every element of the argument is in the frozenset."},
    {"frozenset.isdisjoint", NULL, "Tell whether the frozenset and the argument have no element in common."},

    /* ---- tuple, int, float, bytes ---- */
    {"tuple.index", "($self, value, start=0, stop=sys.maxsize, /)",
     "Return the position of the first item equal to value.\n\nValueError when there is none."},
    {"tuple.count", "($self, value, /)", "Return how many items equal value."},
    {"int.bit_length", "($self, /)", "Return how many binary digits the absolute value needs (0 for 0)."},
    {"int.bit_count", "($self, /)", "Return how many ones the absolute value has in binary."},
    {"int.conjugate", NULL, "Return the int itself: the conjugate of a real number."},
    {"int.__format__", "($self, format_spec, /)", "Return the int formatted by format_spec."},
    {"float.is_integer", "($self, /)", "Tell whether the float has no fractional part."},
    {"float.__format__", "($self, format_spec, /)", "Return the float formatted by format_spec."},
    {"bytes.decode", "($self, /, encoding='utf-8', errors='strict')",
     "Return the str these bytes encode."},
    {"bytes.hex", NULL,
     "B.hex() -> str\n\nReturn the bytes as two hexadecimal digits each."},
    {"bytes.find", NULL,
     "B.find(sub[, start[, end]]) -> int\n\n"
     "Return the lowest index where sub occurs in B[start:end], or -1."},
    {"bytes.index", NULL,
     "B.index(sub[, start[, end]]) -> int\n\n"
     "Like find(), but ValueError when sub does not occur."},
    {"bytes.count", NULL,
     "B.count(sub[, start[, end]]) -> int\n\n"
     "Return how many times sub occurs in B[start:end], without overlaps."},
    {"bytes.startswith", NULL,
     "B.startswith(prefix[, start[, end]]) -> bool\n\n"
     "Tell whether B[start:end] begins with prefix."},
    {"bytes.endswith", NULL,
     "B.endswith(suffix[, start[, end]]) -> bool\n\n"
     "Tell whether B[start:end] ends with suffix."},
    {"bytes.join", "($self, iterable_of_bytes, /)",
     "Return the bytes objects of the iterable glued together with these bytes between them."},
    {"bytes.split", "($self, /, sep=None, maxsplit=-1)",
     "Return the list of the parts of the bytes cut at each sep (runs of whitespace when None)."},

    /* ---- range, generators ---- */
    {"range.count", "($self, value, /)", "Return how many times value occurs in the range (0 or 1)."},
    {"range.index", "($self, value, /)", "Return the position of value in the range; ValueError when it is not there."},
    {"generator.send", "($self, value, /)",
     "Resume the generator, the yield it is paused at evaluating to value;\n"
     "return what it yields next, or raise StopIteration when it returns."},
    {"generator.throw", NULL,
     "throw(value)\nthrow(type[, value[, traceback]])\n\n"
     "Raise the exception in the generator where it is paused; return the next\n"
     "value it yields, or raise StopIteration."},
    {"generator.close", "($self, /)", "Finish the generator: GeneratorExit is raised where it is paused."},

    /* ---- files: open()'s objects and sys.stdout ("io.") ---- */
    {"io.read", "($self, size=-1, /)", "Read and return at most size characters (bytes for a binary file); all that is left when size is negative."},
    {"io.readline", "($self, size=-1, /)", "Read and return one line, its line end included; '' at the end of the file."},
    {"io.readlines", "($self, hint=-1, /)", "Read and return the list of the remaining lines."},
    {"io.write", "($self, text, /)", "Write text (bytes for a binary file) and return how many characters were written."},
    {"io.writelines", "($self, lines, /)", "Write each string of lines; no line ends are added."},
    {"io.close", "($self, /)", "Flush and close the file; closing it again does nothing."},
    {"io.flush", "($self, /)", "Write out what is buffered."},
    {"io.readable", "($self, /)", "Tell whether the file was opened for reading."},
    {"io.writable", "($self, /)", "Tell whether the file was opened for writing."},
    {"io.seekable", "($self, /)", "Tell whether the file supports seek() and tell()."},
    {"io.seek", "($self, cookie, whence=0, /)", "Move to a position: from the start (whence 0), the current one (1) or the end (2)."},
    {"io.tell", "($self, /)", "Return the current position."},
    {"io.truncate", "($self, pos=None, /)", "Cut the file at pos (the current position by default); return the new size."},
    {"io.fileno", "($self, /)", "Return the file descriptor underneath."},
    {"io.isatty", "($self, /)", "Tell whether the file is a terminal."},

    /* ---- the builtin types ---- */
    {"type:str", NULL,
     "str(object='') -> str\n\n"
     "A text string: an immutable sequence of Unicode characters. str(x) is\n"
     "the printable form of x."},
    {"type:int", NULL,
     "int([x]) -> integer\n"
     "int(x, base=10) -> integer\n\n"
     "An integer of any size. int(x) truncates a number towards zero or reads\n"
     "a string of digits in the given base."},
    {"type:float", "(x=0, /)", "A double-precision floating-point number, made from a number or a string."},
    {"type:bool", NULL,
     "bool(x) -> bool\n\n"
     "True or False: the truth value of x. A subclass of int."},
    {"type:list", "(iterable=(), /)",
     "A mutable sequence. list() is empty; list(iterable) holds its items."},
    {"type:tuple", "(iterable=(), /)",
     "An immutable sequence. tuple() is empty; tuple(iterable) holds its items."},
    {"type:dict", NULL,
     "dict() -> new empty dictionary\n"
     "dict(mapping) -> new dictionary with the pairs of mapping\n"
     "dict(iterable) -> new dictionary with the (key, value) pairs of iterable\n"
     "dict(**kwargs) -> new dictionary with the name=value pairs\n\n"
     "A mapping from hashable keys to values, in insertion order."},
    {"type:type", NULL,
     "type(object) -> the object's type\n"
     "type(name, bases, dict) -> a new class\n\n"
     "The type of classes."},
    {"type:range", NULL,
     "range(stop) -> range object\n"
     "range(start, stop[, step]) -> range object\n\n"
     "The integers from start (0 by default) up to but not including stop,\n"
     "step apart, computed as they are needed."},
    {"type:map", NULL,
     "map(func, *iterables) --> map object\n\n"
     "An iterator of func applied to the items of the iterables taken\n"
     "together, stopping at the end of the shortest."},
    {"type:filter", NULL,
     "filter(function or None, iterable) --> filter object\n\n"
     "An iterator of the items of iterable for which function is true (the\n"
     "items that are true themselves when function is None)."},
    {"type:zip", NULL,
     "zip(*iterables, strict=False) --> zip object\n\n"
     "An iterator of tuples of one item from each iterable, stopping at the\n"
     "end of the shortest."},
    {"type:enumerate", "(iterable, start=0)",
     "An iterator of pairs (count, item), the count starting at start."},
    {"type:reversed", "(sequence, /)", "An iterator over the items of sequence, last first."},
    {"type:set", NULL,
     "set() -> new empty set object\n"
     "set(iterable) -> new set object\n\n"
     "A mutable, unordered collection of distinct hashable elements."},
    {"type:frozenset", NULL,
     "frozenset() -> empty frozenset object\n"
     "frozenset(iterable) -> frozenset object\n\n"
     "An immutable set: hashable, so it can be a dict key or a set element."},
    {"type:bytes", NULL,
     "bytes(iterable_of_ints) -> bytes\n"
     "bytes(string, encoding[, errors]) -> bytes\n"
     "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
     "bytes() -> empty bytes object\n\n"
     "An immutable sequence of small integers (0 to 255)."},
    {"type:object", "()", "The class every class derives from."},
    {"type:super", NULL,
     "super() -> same as super(__class__, <first argument>)\n"
     "super(type, obj) -> bound super object\n\n"
     "A proxy that finds methods in the classes after type in the MRO of obj's class."},
    {"type:property", "(fget=None, fset=None, fdel=None, doc=None)",
     "An attribute computed by fget, assigned through fset and deleted through fdel."},
    {"type:staticmethod", NULL,
     "staticmethod(function) -> method\n\n"
     "Wrap a function so that it is called without the instance or the class."},
    {"type:classmethod", NULL,
     "classmethod(function) -> method\n\n"
     "Wrap a function so that it receives the class as its first argument."},

    /* ---- the builtin exceptions ---- */
    {"type:BaseException", NULL, "The class every exception derives from."},
    {"type:Exception", NULL, "The base of the exceptions a program is meant to catch (all but SystemExit, KeyboardInterrupt and GeneratorExit)."},
    {"type:ArithmeticError", NULL, "The base of the errors of arithmetic."},
    {"type:AssertionError", NULL, "An assert statement found its condition false."},
    {"type:AttributeError", NULL, "An attribute could not be read, assigned or deleted."},
    {"type:BlockingIOError", NULL, "An operation would block a file set to non-blocking."},
    {"type:BrokenPipeError", NULL, "Writing to a pipe (or socket) whose other end is closed."},
    {"type:ChildProcessError", NULL, "An operation on a child process failed."},
    {"type:ConnectionAbortedError", NULL, "The other end aborted the connection."},
    {"type:ConnectionError", NULL, "The base of the errors of connections."},
    {"type:ConnectionRefusedError", NULL, "The other end refused the connection."},
    {"type:ConnectionResetError", NULL, "The other end reset the connection."},
    {"type:EOFError", NULL, "input() met the end of its input before reading a line."},
    {"type:FileExistsError", NULL, "Creating a file or directory that already exists."},
    {"type:FileNotFoundError", NULL, "A file or directory that does not exist."},
    {"type:FloatingPointError", NULL, "A floating-point operation failed."},
    {"type:GeneratorExit", NULL, "Raised in a generator or coroutine by its close()."},
    {"type:ImportError", NULL, "An import could not find or load a module or a name in it."},
    {"type:IndentationError", NULL, "The indentation of the source is wrong."},
    {"type:IndexError", NULL, "A sequence index is out of range."},
    {"type:InterruptedError", NULL, "A system call was interrupted by a signal."},
    {"type:IsADirectoryError", NULL, "A file operation on a directory."},
    {"type:KeyError", NULL, "A mapping has no such key."},
    {"type:KeyboardInterrupt", NULL, "The user pressed Ctrl-C (SIGINT)."},
    {"type:LookupError", NULL, "The base of the errors of a missing key or index."},
    {"type:MemoryError", NULL, "The interpreter ran out of memory."},
    {"type:ModuleNotFoundError", NULL, "No module has the name imported."},
    {"type:NameError", NULL, "A name is not bound in any scope that was searched."},
    {"type:NotADirectoryError", NULL, "A directory operation on something that is not a directory."},
    {"type:NotImplementedError", NULL, "A method that subclasses must provide, or a feature not written yet."},
    {"type:OSError", NULL, "An operating system call failed: errno and strerror say why."},
    {"type:OverflowError", NULL, "A result too large to be represented."},
    {"type:PermissionError", NULL, "Not allowed by the file's or process's permissions."},
    {"type:ProcessLookupError", NULL, "No process has the given id."},
    {"type:RecursionError", NULL, "The maximum recursion depth was exceeded."},
    {"type:RuntimeError", NULL, "An error that fits no other category."},
    {"type:StopIteration", NULL, "Raised by an iterator's __next__ when it has no more items."},
    {"type:SyntaxError", NULL, "The source is not valid syntax."},
    {"type:SystemError", NULL, "An internal error of the interpreter."},
    {"type:SystemExit", NULL, "Raised by sys.exit() and exit() to leave the program."},
    {"type:TimeoutError", NULL, "An operation timed out."},
    {"type:TypeError", NULL, "An operation or function was given an argument of the wrong type."},
    {"type:UnboundLocalError", NULL, "A local variable was used before it was bound."},
    {"type:UnicodeDecodeError", NULL, "Bytes that could not be decoded."},
    {"type:UnicodeEncodeError", NULL, "Characters that could not be encoded."},
    {"type:UnicodeError", NULL, "The base of the errors of encoding and decoding text."},
    {"type:ValueError", NULL, "An argument has the right type but a wrong value."},
    {"type:ZeroDivisionError", NULL, "The second operand of a division or modulo is zero."},

    /* ---- builtin modules ---- */
    {"module:math", NULL, "Mathematical functions on floats and integers, as C's libm provides them."},
    {"module:sys", NULL, "The interpreter's state: argv, the standard streams, modules, limits."},
    {"module:time", NULL, "Clocks and sleeping."},
    {"module:gc", NULL, "The cycle collector: run it, tune it, look at what it tracks."},
    {"module:os", NULL, "Files, directories, environment variables and processes."},
    {"module:tracemalloc", NULL, "Measure the memory the interpreter's heap holds, and its peak."},
    {"module:atexit", NULL, "Functions to call when the program ends."},
    {"module:builtins", NULL,
     "The builtin functions, types, exceptions and constants.\n\n"
     "Every module sees these names unless it binds them itself."},

    /* ---- math ---- */
    {"math.sqrt", "($module, x, /)", "Return the square root of x."},
    {"math.exp", "($module, x, /)", "Return e raised to the power x."},
    {"math.expm1", "($module, x, /)", "Return exp(x) - 1, precise for small x."},
    {"math.log", NULL, "log(x, [base=math.e])\n\nReturn the logarithm of x in base (natural when not given)."},
    {"math.log2", "($module, x, /)", "Return the base 2 logarithm of x."},
    {"math.log10", "($module, x, /)", "Return the base 10 logarithm of x."},
    {"math.log1p", "($module, x, /)", "Return log(1 + x), precise for small x."},
    {"math.sin", "($module, x, /)", "Return the sine of x (radians)."},
    {"math.cos", "($module, x, /)", "Return the cosine of x (radians)."},
    {"math.tan", "($module, x, /)", "Return the tangent of x (radians)."},
    {"math.asin", "($module, x, /)", "Return the angle (radians) whose sine is x."},
    {"math.acos", "($module, x, /)", "Return the angle (radians) whose cosine is x."},
    {"math.atan", "($module, x, /)", "Return the angle (radians) whose tangent is x."},
    {"math.atan2", "($module, y, x, /)", "Return the angle (radians) of the point (x, y), in -pi..pi."},
    {"math.sinh", "($module, x, /)", "Return the hyperbolic sine of x."},
    {"math.cosh", "($module, x, /)", "Return the hyperbolic cosine of x."},
    {"math.tanh", "($module, x, /)", "Return the hyperbolic tangent of x."},
    {"math.asinh", "($module, x, /)", "Return the inverse hyperbolic sine of x."},
    {"math.acosh", "($module, x, /)", "Return the inverse hyperbolic cosine of x."},
    {"math.atanh", "($module, x, /)", "Return the inverse hyperbolic tangent of x."},
    {"math.fabs", "($module, x, /)", "Return the absolute value of x as a float."},
    {"math.floor", "($module, x, /)", "Return the largest integer <= x."},
    {"math.ceil", "($module, x, /)", "Return the smallest integer >= x."},
    {"math.trunc", "($module, x, /)", "Return x with its fractional part dropped, as an integer."},
    {"math.degrees", "($module, x, /)", "Return the angle x converted from radians to degrees."},
    {"math.radians", "($module, x, /)", "Return the angle x converted from degrees to radians."},
    {"math.erf", "($module, x, /)", "Return the error function at x."},
    {"math.erfc", "($module, x, /)", "Return 1 - erf(x), precise for large x."},
    {"math.gamma", "($module, x, /)", "Return the Gamma function at x."},
    {"math.lgamma", "($module, x, /)", "Return the natural logarithm of the absolute value of Gamma(x)."},
    {"math.pow", "($module, x, y, /)", "Return x raised to the power y, as a float."},
    {"math.hypot", NULL, "hypot(*coordinates) -> value\n\nReturn the Euclidean distance of the point from the origin."},
    {"math.copysign", "($module, x, y, /)", "Return x with the sign of y."},
    {"math.fmod", "($module, x, y, /)", "Return the remainder of x / y, with the sign of x (C's fmod)."},
    {"math.modf", "($module, x, /)", "Return the pair (fractional part, integer part) of x, both floats."},
    {"math.frexp", "($module, x, /)", "Return (m, e) with x == m * 2**e and 0.5 <= abs(m) < 1."},
    {"math.ldexp", "($module, x, i, /)", "Return x * 2**i."},
    {"math.isnan", "($module, x, /)", "Tell whether x is a NaN."},
    {"math.isinf", "($module, x, /)", "Tell whether x is an infinity."},
    {"math.isfinite", "($module, x, /)", "Tell whether x is neither an infinity nor a NaN."},
    {"math.fsum", "($module, seq, /)", "Return the sum of the items of seq, without intermediate rounding."},
    {"math.gcd", "($module, *integers)", "Return the greatest common divisor of the integers."},
    {"math.lcm", "($module, *integers)", "Return the least common multiple of the integers."},
    {"math.factorial", "($module, n, /)", "Return n!, the product of the integers 1..n."},
    {"math.comb", "($module, n, k, /)", "Return how many ways there are to choose k of n items, order ignored."},
    {"math.perm", "($module, n, k=None, /)", "Return how many ways there are to choose k of n items in order."},
    {"math.isqrt", "($module, n, /)", "Return the integer square root of n, rounded down."},
    {"math.prod", "($module, iterable, /, *, start=1)", "Return start times the product of the items of iterable."},
    {"math.isclose", "($module, a, b, *, rel_tol=1e-09, abs_tol=0.0)",
     "Tell whether a and b are within rel_tol of each other, or within abs_tol."},

    /* ---- the special methods of any builtin type ("*.name") ---- */
    {"*.__add__", "($self, value, /)", "Compute self + value."},
    {"*.__radd__", "($self, value, /)", "Compute value + self."},
    {"*.__iadd__", "($self, value, /)", "Compute self += value, in place when self can change."},
    {"*.__sub__", "($self, value, /)", "Compute self - value."},
    {"*.__rsub__", "($self, value, /)", "Compute value - self."},
    {"*.__isub__", "($self, value, /)", "Compute self -= value, in place when self can change."},
    {"*.__mul__", "($self, value, /)", "Compute self * value."},
    {"*.__rmul__", "($self, value, /)", "Compute value * self."},
    {"*.__imul__", "($self, value, /)", "Compute self *= value, in place when self can change."},
    {"*.__truediv__", "($self, value, /)", "Compute self / value."},
    {"*.__rtruediv__", "($self, value, /)", "Compute value / self."},
    {"*.__floordiv__", "($self, value, /)", "Compute self // value."},
    {"*.__rfloordiv__", "($self, value, /)", "Compute value // self."},
    {"*.__mod__", "($self, value, /)", "Compute self % value."},
    {"*.__rmod__", "($self, value, /)", "Compute value % self."},
    {"*.__pow__", "($self, value, mod=None, /)", "Compute self ** value."},
    {"*.__rpow__", "($self, value, mod=None, /)", "Compute value ** self."},
    {"*.__lshift__", "($self, value, /)", "Compute self << value."},
    {"*.__rlshift__", "($self, value, /)", "Compute value << self."},
    {"*.__rshift__", "($self, value, /)", "Compute self >> value."},
    {"*.__rrshift__", "($self, value, /)", "Compute value >> self."},
    {"*.__and__", "($self, value, /)", "Compute self & value."},
    {"*.__rand__", "($self, value, /)", "Compute value & self."},
    {"*.__iand__", "($self, value, /)", "Compute self &= value, in place when self can change."},
    {"*.__or__", "($self, value, /)", "Compute self | value."},
    {"*.__ror__", "($self, value, /)", "Compute value | self."},
    {"*.__ior__", "($self, value, /)", "Compute self |= value, in place when self can change."},
    {"*.__xor__", "($self, value, /)", "Compute self ^ value."},
    {"*.__rxor__", "($self, value, /)", "Compute value ^ self."},
    {"*.__ixor__", "($self, value, /)", "Compute self ^= value, in place when self can change."},
    {"*.__divmod__", "($self, value, /)", "Compute divmod(self, value)."},
    {"*.__rdivmod__", "($self, value, /)", "Compute divmod(value, self)."},
    {"*.__lt__", "($self, value, /)", "Tell whether self < value."},
    {"*.__le__", "($self, value, /)", "Tell whether self <= value."},
    {"*.__eq__", "($self, value, /)", "Tell whether self == value."},
    {"*.__ne__", "($self, value, /)", "Tell whether self != value."},
    {"*.__gt__", "($self, value, /)", "Tell whether self > value."},
    {"*.__ge__", "($self, value, /)", "Tell whether self >= value."},
    {"*.__neg__", "($self, /)", "Compute -self."},
    {"*.__pos__", "($self, /)", "Compute +self."},
    {"*.__invert__", "($self, /)", "Compute ~self."},
    {"*.__abs__", "($self, /)", "Compute abs(self)."},
    {"*.__bool__", "($self, /)", "Compute bool(self), the truth value."},
    {"*.__int__", "($self, /)", "Compute int(self)."},
    {"*.__float__", "($self, /)", "Compute float(self)."},
    {"*.__index__", "($self, /)", "Compute self as an integer, for slicing and indexing."},
    {"*.__hash__", "($self, /)", "Compute hash(self)."},
    {"*.__repr__", "($self, /)", "Compute repr(self)."},
    {"*.__str__", "($self, /)", "Compute str(self)."},
    {"*.__len__", "($self, /)", "Compute len(self)."},
    {"*.__iter__", "($self, /)", "Compute iter(self)."},
    {"*.__reversed__", "($self, /)", "Compute a reverse iterator over self."},
    {"*.__next__", "($self, /)", "Compute next(self)."},
    {"*.__format__", "($self, format_spec, /)", "Return self formatted by format_spec."},
    {"*.__contains__", "($self, key, /)", "Tell whether key in self."},
    {"*.__getitem__", "($self, key, /)", "Compute self[key]."},
    {"*.__setitem__", "($self, key, value, /)", "Bind self[key] to value."},
    {"*.__delitem__", "($self, key, /)", "Delete self[key]."},
    {"*.__getattribute__", "($self, name, /)", "Compute getattr(self, name)."},
    {"*.__setattr__", "($self, name, value, /)", "Bind the attribute name of self to value."},
    {"*.__delattr__", "($self, name, /)", "Delete the attribute name of self."},
    {"*.__init__", "($self, /, *args, **kwargs)", "Set up self once created; help(type(self)) tells the arguments."},
    {"*.__new__", "($type, *args, **kwargs)", "Create and return a new object of the given type; help(type) tells the arguments."},
    {"*.__round__", NULL, "Round self to ndigits decimal digits."},
    {"*.__trunc__", NULL, "Truncate self to an integer."},
    {"*.__floor__", NULL, "Round self down to an integer."},
    {"*.__ceil__", NULL, "Round self up to an integer."},
    {NULL, NULL, NULL},
};

const char *doc_lookup(const char *owner, const char *name, const char **sig)
{
    size_t on = owner ? strlen(owner) : 0;
    for (const DocEntry *e = docs; e->key; e++) {
        if (on) {
            if (strncmp(e->key, owner, on) != 0 || e->key[on] != '.' || strcmp(e->key + on + 1, name) != 0) continue;
        } else if (strcmp(e->key, name) != 0) {
            continue;
        }
        if (sig) *sig = e->sig;
        return e->doc;
    }
    if (sig) *sig = NULL;
    return NULL;
}
