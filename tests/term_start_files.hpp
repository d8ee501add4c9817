#pragma once
// A small regulation whose terms start at the request, the payment, the death or the
// burial, and are extended at every burial (declinable or not): written to a real file
// and loaded as the programs load the shipped one.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>

#include <fstream>
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

// Writes `text` to `file` and loads it; the test fails on a file that does not load.
inline cemetery::Regulation load_written(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
    auto load = cemetery::try_load_regulation(file);
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    return *load.regulation;
}

// The regulation above, loaded once from a real file.
inline const cemetery::Regulation& term_start_regulation() {
    static const TempDir dir;
    static const cemetery::Regulation reg = load_written(dir.file("regolamento.toml"), general_section + term_start_versions);
    return reg;
}

}  // namespace test
