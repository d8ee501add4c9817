#pragma once
// The [generale] section of a small valid regulation file, for the tests that write
// files of their own: eight lines, so the keys a test adds start on line 9.

#include <string>

namespace test {

inline const std::string general_section = R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "DPR 803/1975"
giorni_affissione = 90
giorni_affissione_fonte = "RR 6/2004 art. 20"
durata_massima_anni = 99
durata_massima_fonte = "DPR 285/1990 art. 92"
)";

}  // namespace test
