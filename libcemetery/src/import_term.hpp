#pragma once
// The term of a concession an import brings in, decided once all its rows were
// read, so that their order never changes it: the term the regulation gives
// (decide_term), its first burial the earliest of the rows', then each later
// burial in the order the burials were made through term_restart_at, the rule
// `bury` applies day to day. A stated expiry (Scadenza) is compared with the term
// so reached, and kept, as the register's word, where it differs.
//
// Pure: the importer hands over what its rows say, and writes what comes back.
#include <cemetery/burial.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/term.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cemetery {

// A deceased on a row of an imported concession: who (to tell one person listed
// on two rows from a second burial) and when buried.
struct RowBurial {
    std::uint64_t person = 0;  // a fingerprint of the deceased's name and dates
    std::optional<Date> on;
    std::size_t line = 0;
    std::optional<Date> died_on;  // where the term starts at the death
};

// What a deed says of its term, alike on every row of it.
struct DeedTerm {
    Date signed_on{};
    std::optional<int> years;
    std::optional<Date> stated_start;
    std::optional<Date> stated_expiry;
    bool perpetual = false;
    std::optional<Date> requested_on;  // Data_Richiesta
    std::optional<Date> paid_on;       // Data_Pagamento
    std::optional<std::string> variant;  // Variante
};

// A term restarted at the burial of `person`: the rows give the name
// (restart.deceased is empty until then).
struct RowRestart {
    std::uint64_t person = 0;
    TermRestart restart;
};

// Two rows naming one deceased with different burial dates (one may have none):
// the register would keep whichever came first in the file.
struct BurialClash {
    std::size_t line = 0;        // the later of the two rows
    std::optional<Date> on;      // its burial date
    std::size_t other_line = 0;
};

// Puts a concession's burials in the order they were made (the day, then the
// person, for one day), each person once; undated ones last. The first clash found,
// if any, is returned and the burials are left as they are.
[[nodiscard]] std::optional<BurialClash> in_burial_order(std::vector<RowBurial>& burials);

struct ImportedTerm {
    std::optional<Refusal> refusal;  // the regulation's, when there is no term
    Term rules;                      // the regulation's term, before any burial restarted it
    Term reached;                    // after the restarts
    Term term;                       // what the register holds: `reached`, or the stated expiry kept
    std::vector<RowRestart> restarts;      // in the order they happened; none when a stated expiry is kept
    std::optional<std::string> notice;     // a stated expiry kept over `reached`
    std::optional<std::string> read_as_years;  // a perpetual deed the regulation reads as a term
};

// `burials` as in_burial_order leaves them.
[[nodiscard]] ImportedTerm decide_imported_term(const Regulation& regulation, const std::string& comune, PlotKind kind,
                                                const DeedTerm& deed, const std::vector<RowBurial>& burials);

// The restarts that `burials` (in the order they were made) make in `concession`,
// where `present` rest already, each as bury would have recorded it; the
// concession's term moves with each.
[[nodiscard]] std::vector<RowRestart> restarts_at_burials(const Regulation& regulation, Concession& concession,
                                                          PlotKind kind, RemainsCount present,
                                                          const std::vector<RowBurial>& burials);

}  // namespace cemetery
