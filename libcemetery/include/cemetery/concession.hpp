#pragma once
// A burial concession (concessione cimiteriale): the time-limited right to use one
// plot, granted by a deed of the comune. The land stays municipal.

#include <cemetery/dates.hpp>
#include <cemetery/ids.hpp>
#include <cemetery/plot.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

// Concessionario or contitolare: a living person, so personal data.
struct Holder {
    HolderId id;
    std::string surname;
    std::string given_name;
    std::string codice_fiscale;  // empty when unknown; checked when entered
    std::string address;
    std::string phone;
    std::string email;

    [[nodiscard]] std::string full_name() const;  // "Cazzaniga Elsa"
};

// Defunto: a person buried under the concession.
struct Deceased {
    DeceasedId id;
    std::string surname;
    std::string given_name;
    std::optional<Date> born_on;
    std::optional<Date> died_on;
    std::optional<Date> buried_on;

    [[nodiscard]] std::string full_name() const;
};

// Rinnovo: a new period added to the concession's expiry.
struct Renewal {
    RenewalId id;
    Date granted_on{};
    int years = 0;
    Date previous_expiry{};
    Date new_expiry{};
    std::string deed;          // the renewal deed's number, may be empty
    std::string version_name;  // the regulation version that allowed it
};

// How a concession ended before its term, if it did.
enum class Ending { none, revoked, forfeited, surrendered };

// What a concession is on a given day. `closed`: its place was freed after it expired
// (closing.hpp); one that ended before its term keeps saying how it ended.
// `not_started`: its term runs from an event still to come (a burial, a death, a
// payment), so it has no expiry yet and is neither expired nor perpetual.
enum class ConcessionStatus { active, expired, perpetual, revoked, forfeited, surrendered, closed, not_started };

// Where the concession's term came from, so its expiry can explain itself.
enum class TermSource {
    regulation,     // the version in force on the signing date gave the term
    deed,           // signed before any version: the deed's own term stands
    stated_expiry,  // the register stated an expiry that the term does not give
};

struct Concession {
    ConcessionId id;
    ComuneId comune;
    PlotId plot;
    std::string deed_number;  // unique per comune
    Date signed_on{};
    Date term_start{};            // decorrenza
    std::optional<int> term_years;  // none when perpetual
    bool perpetual = false;
    std::optional<Date> expires_on;  // last valid day; none when perpetual or not started
    TermSource term_source = TermSource::deed;
    std::string version_name;  // regulation version in force on signing, if any
    // The variant of the kind's rule the deed was granted under ("provvisorio":
    // KindRule::variants); none: the kind's ordinary rule.
    std::optional<std::string> variant;
    Ending ending = Ending::none;
    std::optional<Date> ended_on;
    std::string ending_act;
    std::string ending_reason;
    // The day its place was freed (closing.hpp), as the register's closing says when the
    // concession is read from it; none while the place is held. Not a field of the
    // concession's own row: the change log's digest covers the closing through its table.
    std::optional<Date> closed_on;
    std::int64_t row_version = 0;  // bumped on every write, for optimistic locking

    std::vector<Holder> holders;
    std::vector<Deceased> deceased;
    std::vector<Renewal> renewals;

    // Status on day d: valid through expires_on, expired from the next day.
    [[nodiscard]] ConcessionStatus status_on(Date d) const;
    // False while its term waits for the event it runs from (no expiry, not perpetual).
    [[nodiscard]] bool started() const { return perpetual || expires_on.has_value(); }
};

[[nodiscard]] std::string_view code(ConcessionStatus status);  // "expired"
[[nodiscard]] std::string_view code(Ending ending);            // "revoked"

}  // namespace cemetery
