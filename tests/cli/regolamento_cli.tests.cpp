// `cemetery regolamento check` and `show` (issue 18, "For the people who edit the
// file"): the regulation file read and checked without a register, its rules listed
// per comune and period with their sources, a bad file named by line and column.
#include "cli/run.hpp"
#include "support.hpp"

#include <algorithm>

using test::CliResult;

namespace {

const std::string shipped = CEMETERY_SOURCE_DIR "/regolamento/regolamento.toml";

// No register is needed: $CEMETERY_DB names a file that must stay absent.
struct Desk {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");

    CliResult run(std::vector<std::string> args) const {
        auto r = test::cemetery(db, std::move(args));
        CHECK_FALSE(std::filesystem::exists(db));
        return r;
    }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        const auto file = dir.file(name);
        test::write_file(file, text);
        return file;
    }
};

// The lines of a comune's part of `check`: from its name to the blank line after it.
std::vector<std::string> part_of(const CliResult& r, const std::string& comune) {
    const auto lines = r.out_lines();
    auto begin = std::find(lines.begin(), lines.end(), comune);
    REQUIRE(begin != lines.end());
    auto end = std::find(begin, lines.end(), std::string());
    return {begin, end};
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// The line after `line`, or "" when there is none.
std::string after(const std::vector<std::string>& lines, const std::string& line) {
    const auto it = std::find(lines.begin(), lines.end(), line);
    return it == lines.end() || it + 1 == lines.end() ? std::string() : *(it + 1);
}

std::string shipped_text() { return test::file_bytes(shipped).value(); }

// Line and column (1-based) of the first occurrence of `what` in `text`.
std::pair<int, int> position_of(const std::string& text, const std::string& what) {
    const auto at = text.find(what);
    REQUIRE(at != std::string::npos);
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const auto line_start = text.rfind('\n', at);
    const auto column = line_start == std::string::npos ? at + 1 : at - line_start;
    return {static_cast<int>(line), static_cast<int>(column)};
}

// A file whose loculo offers 30 or 40 years and renews for half the term; a tariff set.
const std::string choices_file = R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "DPR 803/1975"
giorni_affissione = 90
giorni_affissione_fonte = "RR Lombardia 6/2004 art. 20"
durata_massima_anni = 99
durata_massima_fonte = "DPR 285/1990 art. 92"

[[perpetue]]
comuni = ["Liscate"]
tipi = ["cappella"]
fino_al = 1979-06-06
leggi_come_anni = 99
fonte = "delibera C.C. 31/1979"

[[versione]]
nome = "Liscate 2025"
in_vigore_dal = 2025-01-01
comuni = ["Liscate"]
fonte = "delibera C.C. 12/2024"

  [versione.tipi.loculo]
  durata_anni = [30, 40]
  rinnovi = 1
  frazione_rinnovo = "1/2"
  finestra_rinnovo = { mesi_prima = 12, mesi_dopo = 6, fonte = "art. 32" }
  decorrenza = "stipula"
  fonte = "art. 30: loculi per 30 o 40 anni, rinnovo per la metà"

  [versione.tipi.ossario]
  durata_anni = 30
  rinnovi = 2
  anni_rinnovo = [20, 10]
  decorrenza = "stipula"
  fonte = "art. 31"

[[tariffa]]
comune = "Liscate"
tipo = "loculo"
voce = "concessione"
importo = "1250.50"
dal = 2025-01-01
fonte = "delibera G.C. 3/2025"
)";

}  // namespace

TEST_CASE("check on the shipped file lists Liscate's loculo, 30 years, with its source, and ends with 0",
          "[cli][regolamento]") {
    Desk desk;
    const auto r = desk.run({"regolamento", "check", shipped});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());  // the shipped file has nothing to warn about
    CHECK(r.out_lines().front() == shipped + ": regolamento valido (2 versioni, nessuna tariffa)");
    CHECK(has(r.out_lines(), "  affissione degli elenchi delle concessioni scadute: 90 giorni — fonte: RR Lombardia "
                             "6/2004 art. 20 c.4-5"));

    const auto liscate = part_of(r, "Liscate");
    CHECK(liscate[1] == "  dal 01/01/2021, senza data di fine: versione \"Unione 2020\" — fonte: Regolamento di "
                        "Polizia Mortuaria dell'Unione Adda Martesana (2020), valori provvisori");
    const std::string loculo = "    loculo: 30 anni, dalla stipula; 1 rinnovo di 10 anni";
    REQUIRE(has(liscate, loculo));
    CHECK(after(liscate, loculo) == "      fonte: Truccazzano (30 anni); Cusano Milanino (proroga 10 anni) — provvisorio");
    CHECK(has(liscate, "    campo comune (campo_comune): 10 anni, dalla sepoltura; non rinnovabile"));
    CHECK(has(liscate, "      tariffa: non configurata"));

    SECTION("Truccazzano: its own rules, the Union's until it left, then none") {
        const auto truccazzano = part_of(r, "Truccazzano");
        CHECK(has(truccazzano, "  dal 01/01/2001 al 31/12/2020: versione \"Truccazzano 2001\" — fonte: Comune di "
                               "Truccazzano, regole pubblicate: concessioni dal 01/01/2001"));
        CHECK(has(truccazzano, "    loculo: 30 anni, dalla stipula; non rinnovabile"));
        CHECK(has(truccazzano, "      una nuova sepoltura fa ripartire la durata — fonte: Truccazzano: per i posti "
                               "doppi la durata decorre dalla seconda sepoltura"));
        CHECK(has(truccazzano, "  dal 01/01/2024, senza data di fine: nessuna versione del regolamento; durate e "
                               "rinnovi non si possono decidere"));
    }
    SECTION("without FILE it checks the file the other commands use") {
        const auto again = desk.run({"--regolamento", shipped, "regolamento", "check"});
        CHECK(again.exit_code == 0);
        CHECK(again.out == r.out);
    }
}

TEST_CASE("check on a broken file names its line and column and what was expected, and ends with 3",
          "[cli][regolamento]") {
    Desk desk;
    auto text = shipped_text();
    SECTION("a period over the maximum") {
        const std::string from = "durata_anni = 99";  // the first cappella
        const auto [line, column] = position_of(text, from);
        text.replace(text.find(from), from.size(), "durata_anni = 120");
        const auto file = desk.write("regolamento.toml", text);
        const auto r = desk.run({"regolamento", "check", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK(r.out.empty());  // nothing listed from a file that is refused
        CHECK(r.err_lines().front() == file.string() + ":" + std::to_string(line) + ":" +
                                           std::to_string(column + 14) +  // the value, after "durata_anni = "
                                           ": \"durata_anni\" is 120 years: over the maximum of 99 years (DPR "
                                           "285/1990 art. 92 c.1; RR Lombardia 4/2022 art. 27)");
    }
    SECTION("a misspelt key: the keys expected are named") {
        const std::string from = "rinnovi = 1";
        const auto [line, column] = position_of(text, from);
        text.replace(text.find(from), from.size(), "rinovi = 1");
        const auto file = desk.write("regolamento.toml", text);
        const auto r = desk.run({"regolamento", "check", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err_lines().front(),
                   Catch::StartsWith(file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                     ": unknown key \"rinovi\"") &&
                       Catch::Contains("expected: durata_anni, rinnovi,"));
    }
    SECTION("a TOML syntax error") {
        const auto file = desk.write("regolamento.toml", "formato = 1\n[[versione]\n");
        const auto r = desk.run({"regolamento", "check", file.string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK_THAT(r.err_lines().front(), Catch::StartsWith(file.string() + ":2:12: ") && Catch::Contains("expected ']'"));
    }
    SECTION("a folder is refused as a folder") {
        const auto r = desk.run({"regolamento", "check", desk.dir.path().string()});
        INFO(r);
        CHECK(r.exit_code == 3);
        CHECK(r.err_lines().front() == desk.dir.path().string() + ": is a folder, not a regulation file");
    }
}

TEST_CASE("a folder given as --regolamento is refused by every command, not read as an empty file",
          "[cli][regolamento]") {
    Desk desk;
    const auto r = desk.run({"--regolamento", desk.dir.path().string(), "regolamento", "show", "--comune", "Liscate"});
    INFO(r);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains(desk.dir.path().string() + ": is a folder, not a regulation file"));
    CHECK_THAT(r.err, !Catch::Contains("formato"));
}

TEST_CASE("check warns of a comune not among the Union's and of a kind with no rule, and still ends with 0",
          "[cli][regolamento]") {
    Desk desk;
    auto text = shipped_text();
    const std::string from = "comuni = [\"Truccazzano\"]";
    text.replace(text.find(from), from.size(), "comuni = [\"Gorgonzola\"]");
    const std::string cappella = "[versione.tipi.cappella]";
    const auto start = text.find(cappella);
    text.erase(start, text.find("[versione.tipi.fossa]", start) - start);  // the first version's cappella
    const auto file = desk.write("regolamento.toml", text);
    const auto r = desk.run({"regolamento", "check", file.string()});
    INFO(r);
    CHECK(r.exit_code == 0);
    const auto err = r.err_lines();
    REQUIRE(err.size() == 2);
    CHECK_THAT(err[0], Catch::StartsWith(file.string() + ": attenzione: il comune \"Gorgonzola\" non è tra i comuni "
                                                         "dell'Unione"));
    CHECK(err[1] == file.string() + ": attenzione: la versione \"Truccazzano 2001\" non ha regole per cappella: "
                                    "nessuna concessione di questo tipo si può decidere con essa");
    CHECK(has(part_of(r, "Gorgonzola"), "    cappella: nessuna regola in questa versione"));
}

TEST_CASE("show: what applies to Liscate on 26/11/2026, with the version, settings, rules and sources",
          "[cli][regolamento]") {
    Desk desk;
    const auto r = desk.run({"--regolamento", shipped, "regolamento", "show", "--comune", "liscate", "--on", "2026-11-26"});
    INFO(r);
    CHECK(r.exit_code == 0);
    const auto lines = r.out_lines();
    REQUIRE(lines.size() > 8);
    CHECK(lines[0] == "Regolamento in vigore a Liscate il 26/11/2026");
    CHECK(lines[1] == "File: " + shipped);
    CHECK(lines[2] == "Versione \"Unione 2020\", dal 01/01/2021, senza data di fine");
    CHECK(lines[3] == "  fonte: Regolamento di Polizia Mortuaria dell'Unione Adda Martesana (2020), valori provvisori");
    CHECK(has(lines, "  concessioni perpetue solo se stipulate entro il 09/02/1976 — fonte: DPR 803/1975 (in vigore "
                     "dal 10/02/1976); DPR 285/1990 art. 92 c.2"));
    CHECK(has(lines, "  durata massima di una concessione o di un rinnovo: 99 anni — fonte: DPR 285/1990 art. 92 "
                     "c.1; RR Lombardia 4/2022 art. 27"));
    const std::string loculo = "  loculo: 30 anni, dalla stipula; 1 rinnovo di 10 anni";
    REQUIRE(has(lines, loculo));
    CHECK(after(lines, loculo) == "    fonte: Truccazzano (30 anni); Cusano Milanino (proroga 10 anni) — provvisorio");
    CHECK(has(lines, "    capienza: 1 feretro, 1 cassetta, 1 urna — fonte: provvisorio: un feretro; una cassetta "
                     "o un'urna accanto (DPR 285/1990 art. 93)"));
    CHECK(std::count(lines.begin(), lines.end(), "    tariffa: non configurata") == 7);

    SECTION("without --regolamento, the shipped file; without --on, today") {
        const auto today = desk.run({"regolamento", "show", "--comune", "E610"});
        INFO(today);
        CHECK(today.exit_code == 0);
        CHECK(today.out_lines()[0] == "Regolamento in vigore a Liscate il " + cemetery::to_italian(cemetery::today()));
    }
}

TEST_CASE("show for Truccazzano after 2023 says no version applies, and ends with 1", "[cli][regolamento]") {
    Desk desk;
    const auto r = desk.run({"regolamento", "show", "--comune", "Truccazzano", "--on", "2024-06-01"});
    INFO(r);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "cemetery: nessuna versione del regolamento si applica a Truccazzano il 01/06/2024; l'ultima, "
                   "\"Unione 2020\", valeva fino al 31/12/2023: durate e rinnovi non si possono decidere\n");

    SECTION("in 2023 the Union's rules still applied") {
        const auto before = desk.run({"regolamento", "show", "--comune", "Truccazzano", "--on", "2023-12-31"});
        CHECK(before.exit_code == 0);
        CHECK(before.out_lines()[2] == "Versione \"Unione 2020\", dal 01/01/2021 al 31/12/2023");
    }
    SECTION("before any version: deeds keep their own term") {
        const auto early = desk.run({"regolamento", "show", "--comune", "Liscate", "--on", "2020-12-31"});
        CHECK(early.exit_code == 1);
        CHECK_THAT(early.err, Catch::Contains("la prima è in vigore dal 01/01/2021"));
    }
    SECTION("a comune nobody knows ends with 3, naming those known") {
        const auto unknown = desk.run({"regolamento", "show", "--comune", "Gorgonzola"});
        CHECK(unknown.exit_code == 3);
        CHECK_THAT(unknown.err, Catch::Contains("comune sconosciuto \"Gorgonzola\"") && Catch::Contains("Liscate"));
    }
}

TEST_CASE("a choice of 30 or 40 years with renewals of half the term, and renewals of their own lengths, are shown "
          "as written",
          "[cli][regolamento]") {
    Desk desk;
    const auto file = desk.write("regolamento.toml", choices_file);
    const std::string loculo =
        "loculo: 30 o 40 anni (a scelta nell'atto), dalla stipula; 1 rinnovo di 1/2 della durata (15 anni per 30, "
        "20 anni per 40)";
    const std::string ossario =
        "celletta ossario (ossario): 30 anni, dalla stipula; 2 rinnovi: il 1° di 20 anni, il 2° di 10 anni";
    const std::string tariff = "tariffa concessione: 1.250,50 \u20AC dal 01/01/2025 — fonte: delibera G.C. 3/2025";

    const auto check = desk.run({"regolamento", "check", file.string()});
    INFO(check);
    CHECK(check.exit_code == 0);
    CHECK(check.out_lines().front() == file.string() + ": regolamento valido (1 versione, 1 tariffa)");
    const auto liscate = part_of(check, "Liscate");
    CHECK(has(liscate, "    " + loculo));
    CHECK(has(liscate, "      " + tariff));
    CHECK(has(liscate, "    " + ossario));
    CHECK(has(part_of(check, "Pozzuolo Martesana"), "  nessuna versione del regolamento si applica a questo comune"));
    // Five kinds without a rule: said once, for the version.
    CHECK_THAT(check.err, Catch::Contains("la versione \"Liscate 2025\" non ha regole per nicchia cineraria, tomba di "
                                          "famiglia, cappella, fossa, campo comune"));

    const auto show =
        desk.run({"--regolamento", file.string(), "regolamento", "show", "--comune", "Liscate", "--on", "2026-11-26"});
    INFO(show);
    CHECK(show.exit_code == 0);
    CHECK(has(show.out_lines(), "  " + loculo));
    CHECK(after(show.out_lines(), "  " + loculo) == "    fonte: art. 30: loculi per 30 o 40 anni, rinnovo per la metà");
    CHECK(has(show.out_lines(), "    " + tariff));
    CHECK(has(show.out_lines(), "  " + ossario));
    CHECK(has(show.out_lines(), "  cappella: nessuna regola in questa versione"));
    CHECK(has(show.out_lines(), "    rinnovo da chiedere: da 12 mesi prima della scadenza, fino a 6 mesi dopo la "
                                "scadenza — fonte: art. 32"));
    CHECK_THAT(show.out, Catch::Contains("perpetue fino al 06/06/1979 a Liscate per cappella; dopo, lette come 99 anni "
                                         "dalla stipula — fonte: delibera C.C. 31/1979"));
}

TEST_CASE("check accepts every worked example in regolamento/esempi/, each comune listed with its rules",
          "[cli][regolamento][esempi]") {
    Desk desk;
    const std::filesystem::path folder = CEMETERY_SOURCE_DIR "/regolamento/esempi";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 5);
    for (const auto& file : files) {
        const auto r = desk.run({"regolamento", "check", file.string()});
        INFO(r);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::StartsWith(file.string() + ": regolamento valido"));
        // A comune outside the Union is a warning, never a refusal of the file.
        for (const auto& line : r.err_lines()) CHECK_THAT(line, Catch::StartsWith(file.string() + ": attenzione: "));
    }
}

TEST_CASE("show says the renewals of each term where they depend on the term chosen", "[cli][regolamento][esempi][choice]") {
    Desk desk;
    const std::string file = CEMETERY_SOURCE_DIR "/regolamento/esempi/gasperina.toml";
    const auto r = desk.run({"--regolamento", file, "regolamento", "show", "--comune", "Gasperina", "--on", "2026-11-30"});
    INFO(r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("30 o 50 anni (a scelta nell'atto)") &&
                          Catch::Contains("30 anni: 1 rinnovo di 10 anni; 50 anni: non rinnovabile"));
    // Renewals a page does not state are said as such, not as "non rinnovabile".
    const auto banchette = desk.run({"--regolamento", CEMETERY_SOURCE_DIR "/regolamento/esempi/banchette.toml",
                                     "regolamento", "show", "--comune", "Banchette", "--on", "2026-11-30"});
    INFO(banchette);
    CHECK(banchette.exit_code == 0);
    CHECK_THAT(banchette.out, Catch::Contains("99 anni, dalla stipula; rinnovi non indicati dal regolamento"));
}

TEST_CASE("check notes a day shared by two versions and gives it to the newer; scadenza is listed with its source",
          "[cli][regolamento][boundary][scadenza]") {
    Desk desk;
    const auto file = desk.write("regolamento.toml", R"(formato = 1
[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "DPR 803/1975"
giorni_affissione = 90
giorni_affissione_fonte = "RR Lombardia 6/2004 art. 20"
durata_massima_anni = 99
durata_massima_fonte = "DPR 285/1990 art. 92"

[[versione]]
nome = "Pozzuolo 1960"
in_vigore_dal = 1960-01-01
in_vigore_al = 1979-06-06
comuni = ["Pozzuolo Martesana"]
fonte = "regolamento 1960: fino al 06/06/1979"
  [versione.tipi.loculo]
  durata_anni = 30
  rinnovi = 0
  decorrenza = "stipula"
  fonte = "art. 10"

[[versione]]
nome = "Pozzuolo 1979"
in_vigore_dal = 1979-06-06
comuni = ["Pozzuolo Martesana"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 12: scade il giorno precedente l'anniversario"
fonte = "regolamento 1979: dal 06/06/1979"
  [versione.tipi.loculo]
  durata_anni = 30
  rinnovi = 0
  decorrenza = "stipula"
  fonte = "art. 11"
)");
    const auto r = desk.run({"regolamento", "check", file.string()});
    INFO(r);
    CHECK(r.exit_code == 0);
    const auto pozzuolo = part_of(r, "Pozzuolo Martesana");
    CHECK(has(pozzuolo, "  dal 01/01/1960 al 05/06/1979: versione \"Pozzuolo 1960\" — fonte: regolamento 1960: fino al "
                        "06/06/1979"));
    CHECK(has(pozzuolo, "    scadenza: il giorno prima dell'anniversario (30 anni dal 01/03/2000: 28/02/2030) — fonte: "
                        "art. 12: scade il giorno precedente l'anniversario"));
    CHECK(has(pozzuolo, "  nota: il 06/06/1979 è l'ultimo giorno di \"Pozzuolo 1960\" e il primo di \"Pozzuolo 1979\": "
                        "vale \"Pozzuolo 1979\", che entra in vigore quel giorno; \"Pozzuolo 1960\" vale fino al "
                        "05/06/1979"));

    SECTION("show on the shared day gives the newer version") {
        const auto s = desk.run(
            {"--regolamento", file.string(), "regolamento", "show", "--comune", "Pozzuolo Martesana", "--on", "1979-06-06"});
        INFO(s);
        CHECK(s.exit_code == 0);
        CHECK(has(s.out_lines(), "Versione \"Pozzuolo 1979\", dal 06/06/1979, senza data di fine"));
        CHECK(has(s.out_lines(), "  scadenza: il giorno prima dell'anniversario (30 anni dal 01/03/2000: 28/02/2030) — "
                                 "fonte: art. 12: scade il giorno precedente l'anniversario"));
    }
}

TEST_CASE("a comune outside the Union keeps its own register under its own rules: import, renew, refuse",
          "[cli][regolamento][esempi][choice]") {
    // Its comuni in a file of data/unione.toml's shape (CEMETERY_UNIONE), its rules in its
    // worked example: the 50-year colombaro is refused the renewal the 30-year one gets.
    test::TempDir dir;
    const auto data = dir.file("gasperina-dati.toml");
    test::write_file(data, "formato = 1\nnome = \"Comune di Gasperina\"\n\n[[comune]]\nnome = \"Gasperina\"\n"
                           "istat = \"000001\"\ncatastale = \"Z001\"\nmembro_dal = 2000-01-01\n"
                           "cimiteri = [\"Gasperina\"]\n");
    const auto csv = dir.file("registro.csv");
    test::write_file(csv, "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;"
                          "Durata_Anni;Concessionario_Cognome;Concessionario_Nome;Defunto_Cognome;Defunto_Nome;"
                          "Defunto_Data_Morte;Data_Sepoltura\n"
                          "Gasperina;Gasperina;loculo;A;1;1;1;G-1;10/05/2001;50;Rossi;Anna;Rossi;Pietro;01/05/2001;10/05/2001\n"
                          "Gasperina;Gasperina;loculo;A;1;2;1;G-2;29/02/2004;30;Verdi;Luca;Verdi;Carlo;20/02/2004;29/02/2004\n");
    const std::string rules = CEMETERY_SOURCE_DIR "/regolamento/esempi/gasperina.toml";
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--regolamento", rules});
        return test::run_cli({{}, std::move(args), dir.file("gasperina.sqlite"), {}, {{"CEMETERY_UNIONE", data.string()}}, {}});
    };
    const auto imported = run({"import", csv.string()});
    INFO(imported);
    REQUIRE(imported.exit_code == 0);
    const auto fifty = run({"renew", "G-1", "--comune", "Gasperina", "--on", "2026-12-01"});
    INFO(fifty);
    CHECK(fifty.exit_code == 1);
    CHECK_THAT(fifty.err, Catch::Contains("non consente rinnovi per loculo di 50 anni"));
    const auto thirty = run({"renew", "G-2", "--comune", "Gasperina", "--on", "2026-12-01"});
    INFO(thirty);
    CHECK(thirty.exit_code == 0);
    CHECK_THAT(thirty.out, Catch::Contains("2044-02-28"));  // 28/02/2034 + 10 years
    const auto again = run({"renew", "G-2", "--comune", "Gasperina", "--on", "2026-12-02"});
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("consente 1 rinnovo per loculo di 30 anni"));
}
