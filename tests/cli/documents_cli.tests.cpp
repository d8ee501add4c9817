// `cemetery expired --format pdf|xlsx`, `expiring` and `search --format xlsx`, and
// `cemetery notices`, run as real processes; their files read back with poppler-utils
// and unzip.
#include "cli/run.hpp"
#include "documents/tools.hpp"
#include "support.hpp"

using test::CliResult;

namespace {

const std::string registro =
    "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
    "Concessionario_Cognome;Concessionario_Nome;Concessionario_CF;Concessionario_Indirizzo;"
    "Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte;Data_Sepoltura\n"
    "Liscate;;Loculo;E;2;14;3;E-1987-031;02/09/1987;30;Brambilla;Anna;BRMNNA60A41A751G;Via Roma 1, Liscate;"
    "Pèrego;Giuseppe;30/08/1987;02/09/1987\n"
    "Liscate;;Loculo;E;2;15;3;E-1988-002;02/09/1988;30;;;;;D'Adda;Rosa;30/08/1988;02/09/1988\n"
    "Pozzuolo Martesana;Trecella;Celletta ossario;O;3;21;;E-1990-112;7/5/1990;30;Sironi;Marta;;;"
    "Dell'Orto;Felice;02/01/1960;07/05/1990\n";

struct Office {
    test::TempDir dir;
    std::filesystem::path db = dir.file("registro.sqlite");

    Office() {
        const auto csv = dir.file("registro.csv");
        test::write_file(csv, registro);
        const auto r = run({"import", csv.string()});
        INFO(r);
        REQUIRE(r.exit_code == 0);
    }
    CliResult run(std::vector<std::string> args) const { return test::cemetery(db, std::move(args)); }
};

}  // namespace

TEST_CASE("cemetery expired --format pdf writes the list to post, without holders", "[cli][documents]") {
    Office office;
    const auto pdf = office.dir.file("albo.pdf");
    const auto r = office.run({"expired", "--comune", "liscate", "--as-of", "2027-01-01", "--posting-from",
                               "2027-01-10", "--format", "pdf", "--output", pdf.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("2 concessions expired"));
    const std::string text = test::pdf_text(pdf);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Comune di Liscate"));
    CHECK_THAT(text, Catch::Contains("scadute al 01/01/2027"));
    CHECK_THAT(text, Catch::Contains("dal 10/01/2027 al 10/04/2027"));
    CHECK_THAT(text, Catch::Contains("E-1987-031"));
    CHECK_THAT(text, Catch::Contains("E-1988-002"));
    CHECK_THAT(text, Catch::Contains("Pèrego Giuseppe"));
    CHECK_THAT(text, Catch::Contains("D'Adda Rosa"));
    CHECK_THAT(text, Catch::Contains("Totale: 2 concessioni scadute"));
    CHECK_THAT(text, !Catch::Contains("Brambilla"));
    CHECK_THAT(text, !Catch::Contains("BRMNNA60A41A751G"));
    CHECK_THAT(text, !Catch::Contains("E-1990-112"));
}

TEST_CASE("cemetery expired --cimitero narrows the list to one cemetery", "[cli][documents]") {
    Office office;
    const auto pdf = office.dir.file("trecella.pdf");
    auto r = office.run({"expired", "--comune", "Pozzuolo Martesana", "--cimitero", "trecella", "--as-of",
                         "2027-01-01", "--format", "pdf", "--output", pdf.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    const std::string text = test::pdf_text(pdf);
    CHECK_THAT(text, Catch::Contains("Cimitero di Trecella"));
    CHECK_THAT(text, Catch::Contains("E-1990-112"));
    CHECK_THAT(text, Catch::Contains("Dell'Orto Felice"));

    r = office.run({"expired", "--comune", "Pozzuolo Martesana", "--cimitero", "Nessuno", "--format", "csv"});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("Trecella"));
}

TEST_CASE("a PDF or a workbook needs --output, and the PDF a comune", "[cli][documents]") {
    Office office;
    CHECK(office.run({"expired", "--comune", "Liscate", "--format", "pdf"}).exit_code == 2);
    CHECK(office.run({"expired", "--format", "pdf", "--output", office.dir.file("x.pdf").string()}).exit_code == 2);
    CHECK(office.run({"expired", "--format", "xlsx"}).exit_code == 2);
    CHECK(office.run({"expiring", "--days", "30", "--format", "xlsx"}).exit_code == 2);
    CHECK(office.run({"search", "perego", "--format", "xlsx"}).exit_code == 2);
    CHECK(office.run({"expired", "--cimitero", "Trecella"}).exit_code == 2);
    CHECK(office.run({"notices", "--comune", "Liscate"}).exit_code == 2);  // no --output
    CHECK(office.run({"notices", "--comune", "Nessuno", "--output", office.dir.file("n.pdf").string()}).exit_code == 3);
    CHECK_FALSE(std::filesystem::exists(office.dir.file("x.pdf")));
}

TEST_CASE("cemetery notices writes one letter per holder's concession, the others apart", "[cli][documents]") {
    Office office;
    const auto pdf = office.dir.file("avvisi.pdf");
    const auto r = office.run({"notices", "--comune", "Liscate", "--as-of", "2027-01-01", "--posting-from",
                               "2027-01-10", "--output", pdf.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("1 letters and 1 concessions without a holder"));
    CHECK(test::pdf_pages(pdf) == 2);
    const std::string text = test::pdf_text(pdf);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Brambilla Anna"));
    CHECK_THAT(text, Catch::Contains("Via Roma 1, Liscate"));
    CHECK_THAT(text, Catch::Contains("E-1987-031"));
    CHECK_THAT(text, Catch::Contains("entro il 10/04/2027"));
    CHECK_THAT(text, Catch::Contains("senza concessionario noto"));
    CHECK_THAT(text, Catch::Contains("E-1988-002"));
    CHECK_THAT(text, !Catch::Contains("BRMNNA60A41A751G"));
}

TEST_CASE("expired, expiring and search results as .xlsx", "[cli][documents]") {
    Office office;
    const auto expired = office.dir.file("scadute.xlsx");
    auto r = office.run({"expired", "--as-of", "2027-01-01", "--format", "xlsx", "--output", expired.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    std::string sheet = test::zip_entry(expired, "xl/worksheets/sheet1.xml");
    for (const char* deed : {"E-1987-031", "E-1988-002", "E-1990-112"}) CHECK_THAT(sheet, Catch::Contains(deed));

    const auto expiring = office.dir.file("in-scadenza.xlsx");
    r = office.run({"expiring", "--from", "2019-01-01", "--days", "1000", "--format", "xlsx", "--output",
                    expiring.string()});
    REQUIRE(r.exit_code == 0);
    sheet = test::zip_entry(expiring, "xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet, Catch::Contains("E-1990-112"));
    CHECK_THAT(sheet, !Catch::Contains("E-1987-031"));

    const auto found = office.dir.file("ricerca.xlsx");
    r = office.run({"search", "perego", "--format", "xlsx", "--output", found.string()});
    REQUIRE(r.exit_code == 0);
    sheet = test::zip_entry(found, "xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet, Catch::Contains("E-1987-031"));
    CHECK_THAT(sheet, !Catch::Contains("E-1988-002"));
}

// A register holding text a spreadsheet would run (an old program's data, or a file
// made to harm): every CSV the program writes starts those cells with an apostrophe,
// the .xlsx keeps them as text cells, and a rejects file read back imports the text
// as it was.
TEST_CASE("a hostile register exports harmless CSV and xlsx files", "[cli][documents][formula]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    const std::string header =
        "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
        "Concessionario_Cognome;Concessionario_Nome;Concessionario_CF;Concessionario_Indirizzo;"
        "Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte;Data_Sepoltura\n";
    const auto csv = dir.file("ostile.csv");
    test::write_file(csv, header +
                              "Liscate;;Loculo;E;2;14;3;E-1987-031;02/09/1987;30;@SUM(1+1);Anna;;+39 02 1234;"
                              "\"=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";-Giuseppe;30/08/1987;02/09/1987\n"
                              "Liscate;;Loculo;E;2;15;3;E-1988-002;31/02/1988;30;;;;;=1+2;Rosa;30/08/1988;02/09/1988\n");
    const auto rejects = dir.file("scarti.csv");
    auto r = test::cemetery(db, {"import", csv.string(), "--skip-invalid", "--rejects", rejects.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);

    // No cell of any CSV starts with what a spreadsheet runs.
    const auto check_cells = [](const std::string& text) {
        INFO(text);
        for (const char* formula : {",=", ",@", ",+", ",-G", ";=", "\n=", "\n@"}) CHECK_THAT(text, !Catch::Contains(formula));
    };
    r = test::cemetery(db, {"expired", "--as-of", "2027-01-01", "--format", "csv"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("'=HYPERLINK") && Catch::Contains("'@SUM(1+1)"));
    check_cells(r.out);
    r = test::cemetery(db, {"search", "giuseppe", "--format", "csv"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("'=HYPERLINK"));
    check_cells(r.out);
    const std::string rejected = test::file_bytes(rejects).value_or("");
    CHECK_THAT(rejected, Catch::Contains(";'=1+2;"));
    check_cells(rejected);

    // The .xlsx: text cells, never a formula.
    const auto xlsx = dir.file("scadute.xlsx");
    r = test::cemetery(db, {"expired", "--as-of", "2027-01-01", "--format", "xlsx", "--output", xlsx.string()});
    REQUIRE(r.exit_code == 0);
    const std::string sheet = test::zip_entry(xlsx, "xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet, !Catch::Contains("<f>"));
    CHECK_THAT(sheet, Catch::Contains("inlineStr"));
    CHECK_THAT(sheet, Catch::Contains("=HYPERLINK(&quot;http://x&quot;;&quot;clic&quot;)") ||
                            Catch::Contains("=HYPERLINK(\"http://x\";\"clic\")"));

    // The rejected row, its date put right, imports with its text as it was.
    std::string fixed = rejected;
    fixed.replace(fixed.find("31/02/1988"), 10, "29/02/1988");
    const auto again = dir.file("scarti-corretti.csv");
    test::write_file(again, fixed);
    r = test::cemetery(db, {"import", again.string()});
    INFO(r);
    REQUIRE(r.exit_code == 0);
    r = test::cemetery(db, {"search", "rosa", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("\"=1+2"));
    CHECK_THAT(r.out, !Catch::Contains("'=1+2"));
}
