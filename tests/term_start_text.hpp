#pragma once
// The text of a small regulation whose terms start late, shared by the tests of the
// library, the command line and the desktop program (term_start_files.hpp loads it).

#include <string>

namespace test {

// One version, "Prova 2020", for Liscate from 2020-01-01:
// - loculo: 30 years from the request;
// - ossario: 20 years from the payment;
// - tomba_famiglia: 40 years from the death, extended at every burial, declinable;
// - cappella: 50 years from the signing, extended at every burial, not declinable;
// - fossa: 10 years from the burial, extended at every burial, declinable.
inline const std::string term_start_versions = R"([[versione]]
nome = "Prova 2020"
in_vigore_dal = 2020-01-01
comuni = ["Liscate"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "richiesta"
decorrenza_fonte = "art. 10 c.2"
fonte = "art. 10"
capienza = { feretri = 1, fonte = "art. 10 c.3" }
[versione.tipi.ossario]
durata_anni = 20
rinnovi = 1
anni_rinnovo = 10
decorrenza = "pagamento"
decorrenza_fonte = "art. 11 c.2"
fonte = "art. 11"
capienza = { feretri = 0, cassette = 1, fonte = "art. 11 c.3" }
[versione.tipi.tomba_famiglia]
durata_anni = 40
rinnovi = 1
anni_rinnovo = 10
decorrenza = "decesso"
decorrenza_fonte = "art. 12 c.2"
fonte = "art. 12"
capienza = { feretri = 4, fonte = "art. 12 c.3" }
proroga_a_ogni_sepoltura = { rinunciabile = true, fonte = "art. 12 c.4" }
[versione.tipi.cappella]
durata_anni = 50
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "art. 13"
capienza = { feretri = 6, fonte = "art. 13 c.3" }
proroga_a_ogni_sepoltura = { rinunciabile = false, fonte = "art. 13 c.4" }
[versione.tipi.fossa]
durata_anni = 10
rinnovi = 1
anni_rinnovo = 10
decorrenza = "sepoltura"
fonte = "art. 14"
capienza = { feretri = 1, fonte = "art. 14 c.3" }
proroga_a_ogni_sepoltura = { rinunciabile = true, fonte = "art. 14 c.4" }
)";

}  // namespace test
