#pragma once
// A regulation for the tests of writers at once: in Liscate a family tomb runs 30
// years from the signing and may be renewed a thousand times, a year each, at any
// time. A renewal refused under it is refused for the race, never for the rules.

namespace test {

inline constexpr const char* many_renewals_toml = R"TOML(
formato = 1

[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "DPR 803/1975"
giorni_affissione = 90
giorni_affissione_fonte = "RR Lombardia 6/2004 art. 20"
durata_massima_anni = 99
durata_massima_fonte = "DPR 285/1990 art. 92"

[[versione]]
nome = "Prova rinnovi a volontà"
in_vigore_dal = 2000-01-01
comuni = ["Liscate"]
fonte = "regolamento di prova"

  [versione.tipi.tomba_famiglia]
  durata_anni = 30
  rinnovi = 1000
  anni_rinnovo = 1
  decorrenza = "stipula"
  fonte = "prova: mille rinnovi di un anno"
)TOML";

}  // namespace test
