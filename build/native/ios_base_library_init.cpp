// Provides std::ios_base_library_init() for systems whose libstdc++ predates GCC 13 (GLIBCXX_3.4.32).
// GCC 13 emits a call to it wherever <iostream> is included; all it has to do is make sure the standard
// streams are initialised, which constructing a std::ios_base::Init guarantees.
#include <ios>

namespace std
{
__attribute__((visibility("default"))) void ios_base_library_init()
{
    static ios_base::Init init;
}
}
