#include "{{lib_name}}.h"
{{definitions}}
