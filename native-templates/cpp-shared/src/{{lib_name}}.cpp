#include "{{lib_name}}.h"

// The declarations in {{lib_name}}.h are inside extern "C": these definitions get C linkage from them.
// Catch every exception before it reaches the caller: unwinding into .NET terminates the process.
{{definitions}}
