#pragma once
// The shipped regulation with a provisional loculo beside the Union's ordinary one
// (KindRule::variants), for the tests of the register, the command line and the
// desktop: the table goes at the end of the file, so it belongs to the last version,
// "Unione 2020". The numbers are a test's, not a comune's.

#include <string>

namespace test {

inline const std::string provisional_loculo = R"(
  [versione.tipi.loculo.varianti.provvisorio]
  nome = "loculo provvisorio"
  durata_anni = 2
  rinnovi = 0
  decorrenza = "stipula"
  fonte = "prova: sepoltura provvisoria in loculo per un massimo di 2 anni"
  capienza = { feretri = 1, fonte = "prova: un feretro" }
)";

}  // namespace test
