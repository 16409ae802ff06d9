/* debug.h — invariant checks of the SCR_DEBUG build.
 *
 * scr_assert(cond) states an invariant the code relies on (a refcount never
 * below zero, an object on the collector list its phase expects, a stack
 * pointer inside its frame). In a build configured with -DSCR_DEBUG=ON a false
 * condition prints where and what, then aborts; in every other build the
 * condition is type-checked but never evaluated, so a check may be as costly
 * as it needs to be. Checks must not have side effects.
 *
 * SCR_DEBUG_ONLY(stmt) keeps bookkeeping that exists only to be checked.
 *
 * LIKELY(cond) / UNLIKELY(cond) tell the compiler which way a hot branch
 * usually goes; they change no result. */
#ifndef SCR_DEBUG_H
#define SCR_DEBUG_H

#ifdef SCR_DEBUG
_Noreturn void scr_assert_fail(const char *cond, const char *file, int line, const char *func);
#define scr_assert(cond) \
    ((cond) ? (void)0 : scr_assert_fail(#cond, __FILE__, __LINE__, __func__))
#define SCR_DEBUG_ONLY(stmt) stmt
#else
#define scr_assert(cond) ((void)sizeof((cond) ? 1 : 0))
#define SCR_DEBUG_ONLY(stmt)
#endif

#if defined(__GNUC__)
#define LIKELY(x)   __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x)   (x)
#define UNLIKELY(x) (x)
#endif

#endif
