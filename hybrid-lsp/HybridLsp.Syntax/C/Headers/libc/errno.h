/* HybridLsp minimal errno.h for foreign targets. */
#ifndef __HL_ERRNO_H
#define __HL_ERRNO_H 1
#include <__hl_libc.h>
__HL_BEGIN
int *__HL_CDECL __hl_errno_location(void);
__HL_END
#define errno (*__hl_errno_location())
#define EINVAL 22
#define ENOMEM 12
#define ERANGE 34
#endif
