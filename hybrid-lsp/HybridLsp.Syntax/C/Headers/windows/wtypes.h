/* HybridLsp: the base types live in windows.h. */
#include <windows.h>
