/* HybridLsp minimal inttypes.h for foreign targets: the types of stdint.h (format macros are not needed to read declarations). */
#ifndef __HL_INTTYPES_H
#define __HL_INTTYPES_H 1
#include <stdint.h>
typedef struct { intmax_t quot; intmax_t rem; } imaxdiv_t;
#endif
