/* HybridLsp minimal time.h for foreign targets: time_t is 64-bit on every supported target. */
#ifndef __HL_TIME_H
#define __HL_TIME_H 1
#include <__hl_libc.h>
#include <stddef.h>

#if defined(_WIN32)
typedef long long time_t;
typedef long clock_t;
#else
typedef long time_t;
typedef long clock_t;
#endif

struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
#if !defined(_WIN32)
  long tm_gmtoff;
  const char *tm_zone;
#endif
};

struct timespec { time_t tv_sec; long tv_nsec; };

__HL_BEGIN
time_t __HL_CDECL time(time_t *out);
clock_t __HL_CDECL clock(void);
double __HL_CDECL difftime(time_t end, time_t start);
time_t __HL_CDECL mktime(struct tm *tm);
size_t __HL_CDECL strftime(char *s, size_t n, const char *format, const struct tm *tm);
__HL_END
#endif
