#pragma once
// The register of burial concessions, kept in one SQLite file.
//
// Register speaks the domain, never SQL: callers add comuni, cemeteries, plots and
// concessions, renew, search and list; the schema, its migrations and the change
// log stay inside. Every write is one transaction (several writes can be grouped
// with a Batch) and leaves a change-log entry. The database itself enforces one
// plot per place, deed numbers unique per comune and no two concessions on a plot
// at once.
//
// Thread rules: one Register per thread; several processes may open one file
// (WAL mode, a busy timeout instead of "database is locked") on a disk of this
// computer: a file on a network share is refused (network_filesystem.hpp).

#include <cemetery/change_log.hpp>
#include <cemetery/comune.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/concession_record.hpp>
#include <cemetery/lists.hpp>
#include <cemetery/output_file.hpp>
#include <cemetery/plot.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/search.hpp>
#include <cemetery/storage_error.hpp>
// The life of a concession
#include <cemetery/burial.hpp>
#include <cemetery/closing.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/concession_life.hpp>
#include <cemetery/ending.hpp>
#include <cemetery/payment.hpp>
#include <cemetery/plot_inventory.hpp>
#include <cemetery/succession.hpp>
// The tamper-evident change log
#include <cemetery/verify.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// Why the database refused a write that the caller could have expected to succeed.
enum class ConflictCode {
    duplicate_deed,      // that deed number already exists in the comune
    plot_overlap,        // another concession holds the plot at the same time
    location_taken,      // a plot already stands at that place in the cemetery
    duplicate_name,      // a comune or cemetery of that name exists
    wrong_comune,        // the plot is in another comune's cemetery
    invalid_data,        // a check failed: death before birth, burial before death...
    missing_reference,   // the comune, cemetery, plot or concession does not exist
    stale,               // someone else changed the concession since it was read
};

struct Conflict {
    ConflictCode code = ConflictCode::invalid_data;
    std::string message;
};

template <class T>
struct WriteResult {
    std::optional<T> value;
    std::optional<Conflict> conflict;
    // The rules said no: a change to a concession whose life is over (ended, or its place freed).
    std::optional<Refusal> refusal = std::nullopt;
    explicit operator bool() const { return value.has_value(); }
};

struct RenewalRequest {
    Date on{};          // the renewal date
    std::string deed;   // the renewal deed's number, may be empty
    // The day it is recorded: a renewal dated after it is refused. The clock's today
    // unless given (tests pin it).
    Date today = cemetery::today();
    // The concession's row_version when the clerk was shown it (Concession::row_version):
    // when given and the concession has changed since (another renewal, a burial, any
    // write), the renewal is refused as `stale` and nothing is written, so a renewal is
    // never stacked on one the preview did not show. None for a caller that reads and
    // renews in one go (the command line): the rules then judge the concession as it
    // stands inside the write.
    std::optional<std::int64_t> expected_version = std::nullopt;
};

// The outcome of Register::renew: the rules' decision and, when allowed, the
// concession as it now stands.
struct RenewalOutcome {
    RenewalDecision decision;
    std::optional<Concession> concession;  // as it now stands, when written
    std::optional<Conflict> conflict;      // the rules allowed it, the register did not
    explicit operator bool() const { return decision.allowed() && concession.has_value(); }
};

[[nodiscard]] std::string_view code_name(ConflictCode code);

// The outcome of a change in the life of a concession (concede, bury, succeed, end,
// close): the rules' refusal, or the register's, or the concession as it now stands.
struct LifeOutcome {
    std::optional<Refusal> refusal;        // the rules said no
    std::optional<Conflict> conflict;      // the rules allowed it, the register did not
    std::optional<Concession> concession;  // as it now stands, when written
    std::vector<std::string> notices;      // written, and worth telling: "the term restarts ..."
    explicit operator bool() const { return concession.has_value(); }
    // The refusal's or the conflict's message; empty when written.
    [[nodiscard]] std::string reason() const;
};

class Register {
public:
    // Opens the file, creating it when missing, and brings its schema up to date.
    // Throws DatabaseError (too_new for a database written by a newer program,
    // network_filesystem for a file on a network share).
    static Register open(const std::filesystem::path& file, std::string user = {});
    // Opens an existing file only; throws DatabaseError when it is missing.
    static Register open_existing(const std::filesystem::path& file, std::string user = {});
    // A register that lives in memory, for tests and dry runs.
    static Register in_memory(std::string user = {});

    Register(Register&&) noexcept;
    Register& operator=(Register&&) noexcept;
    ~Register();

    // The schema version of this program, and its name.
    [[nodiscard]] static int schema_version();
    [[nodiscard]] static std::string_view schema_name();
    [[nodiscard]] const std::filesystem::path& file() const;
    [[nodiscard]] const std::string& user() const;

    // Groups writes into one transaction: all or nothing. Without commit(), the
    // destructor rolls everything back.
    class Batch {
    public:
        explicit Batch(Register& reg);
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        ~Batch();
        void commit();

    private:
        Register* reg_;
        bool done_ = false;
    };

    // Writes many new records fast, for an import: in one transaction (its own, or
    // the caller's Batch), with no savepoint per record, and one change-log entry
    // per concession written at commit, once its people are all in. The database
    // still checks every constraint, but a refused record spoils the whole load:
    // after a conflict, commit() throws and the destructor rolls everything back.
    // So callers check first what the database would refuse (the importer does).
    class Load {
    public:
        // `source` names where the records come from in the change log ("registro.csv").
        Load(Register& reg, std::string source);
        Load(const Load&) = delete;
        Load& operator=(const Load&) = delete;
        ~Load();

        WriteResult<PlotId> add_plot(const Plot& plot);
        // A concession whose term the rules decided, with its holders, deceased and
        // renewals; `line` is where the source file records it.
        WriteResult<ConcessionId> add_concession(Concession concession, std::size_t line);
        // More people for a concession of this load, or of the register (an export
        // listing one more burial in a family tomb).
        WriteResult<ConcessionId> add_people(ConcessionId id, const std::vector<Holder>& holders,
                                             const std::vector<Deceased>& deceased);
        // The ids of the deceased the last add_concession or add_people wrote, in their order.
        [[nodiscard]] std::vector<DeceasedId> deceased_written() const;
        // A term restarted by a burial (burial.hpp term_restart_at), kept in the
        // concession's history with the deceased whose burial restarted it, after
        // that deceased is written. A concession of this load was written with the
        // term its restarts came to; one that was in the register before takes the
        // restart's term start and expiry here, as bury would have given it.
        WriteResult<ConcessionId> add_restart(ConcessionId id, std::optional<DeceasedId> deceased,
                                              const TermRestart& restart);
        // Writes the change log and the search index, then commits. Throws
        // std::logic_error after a conflict, DatabaseError when the disk refuses.
        void commit();

        struct State;

    private:
        Register& reg_;
        std::unique_ptr<State> state_;
    };

    // --- The Union: comuni and cemeteries ---
    WriteResult<ComuneId> add_comune(const Comune& comune);
    [[nodiscard]] std::vector<Comune> comuni() const;
    [[nodiscard]] std::optional<Comune> comune(ComuneId id) const;
    // By name (case- and accent-insensitive), ISTAT or cadastral code.
    [[nodiscard]] std::optional<Comune> find_comune(std::string_view name_or_code) const;

    WriteResult<CemeteryId> add_cemetery(ComuneId comune, const std::string& name);
    [[nodiscard]] std::vector<Cemetery> cemeteries(std::optional<ComuneId> comune = {}) const;
    [[nodiscard]] std::optional<Cemetery> find_cemetery(ComuneId comune, std::string_view name) const;

    // --- Plots ---
    WriteResult<PlotId> add_plot(const Plot& plot);
    [[nodiscard]] std::optional<Plot> plot(PlotId id) const;
    [[nodiscard]] std::optional<Plot> find_plot(CemeteryId cemetery, const Location& where) const;
    // The days each concession on the plot holds it, as the register's overlap rule
    // counts them: from its term start to its end or expiry (a perpetual one, to
    // 31/12/9999). Two concessions may not hold one plot on the same day.
    [[nodiscard]] std::vector<std::pair<Date, Date>> plot_terms(PlotId plot) const;

    // --- Concessions ---
    // Stores a concession whose term the rules already decided (see term.hpp), with
    // its holders, deceased and renewals. The ids inside are ignored.
    WriteResult<ConcessionId> add_concession(const Concession& concession);
    // Adds holders and deceased to a concession already in the register, as when an
    // export lists a family tomb's deceased on several rows. Checks only what the
    // database checks (dates in order), and refuses (the result's refusal) when the
    // concession ended or its place was freed; burial rules belong to the caller.
    WriteResult<ConcessionId> add_people(ConcessionId id, const std::vector<Holder>& holders,
                                         const std::vector<Deceased>& deceased);
    // Replaces the holders of a concession (names, tax codes, contacts), checked with
    // validation.hpp first. Refused as `stale` when the concession's row_version is no
    // longer `expected_version`: someone else saved it since it was shown; refused by
    // the rules (the result's refusal) when it ended or its place was freed.
    WriteResult<ConcessionId> replace_holders(ConcessionId id, const std::vector<Holder>& holders,
                                              std::int64_t expected_version);
    // A deceased joins a concession day to day only as a burial: bury() below, which
    // checks what decide_burial checks (capacity, dates, a concession ended).
    [[nodiscard]] std::optional<Concession> concession(ConcessionId id) const;
    [[nodiscard]] std::optional<ConcessionRecord> record(ConcessionId id) const;
    [[nodiscard]] std::optional<ConcessionId> find_concession(ComuneId comune, std::string_view deed_number) const;
    [[nodiscard]] std::int64_t count_concessions(std::optional<ComuneId> comune = {}) const;

    // Renews under the version in force on request.on, as decide_renewal decides with
    // request.today; then refused when the renewal deed's number is already recorded for
    // a renewal in the concession's comune. Writes only when allowed. Refused first as
    // `stale` (the outcome's conflict) when request.expected_version is no longer the
    // concession's row_version.
    RenewalOutcome renew(ConcessionId id, const RenewalRequest& request, const Regulation& regulation);

    // --- What clerks ask ---
    [[nodiscard]] std::vector<SearchHit> search(std::string_view text, const SearchOptions& options = {}) const;
    // The statement search() runs for `text`, its parameters written in (SQLite's
    // expanded SQL): what the benchmark runs bare through the sqlite3 shell, so
    // that the two always compare the same query. Empty when nothing would be searched.
    [[nodiscard]] std::string search_statement(std::string_view text, const SearchOptions& options = {}) const;
    // How many concessions match, for a list that reads its rows a page at a time.
    [[nodiscard]] std::int64_t count_matches(std::string_view text, const SearchOptions& options = {}) const;

    // Concessions expired on `as_of` (expires_on before it), perpetual and ended
    // ones excluded, sorted by comune, cemetery, expiry, deed number.
    [[nodiscard]] std::vector<ListRow> expired(std::optional<ComuneId> comune, Date as_of) const;
    // The same, streamed row by row, for lists of any length. A concession whose
    // dates cannot be read goes to `unreadable` and the list goes on; without it,
    // DatabaseError naming the concession.
    void each_expired(std::optional<ComuneId> comune, Date as_of, const std::function<void(const ListRow&)>& row,
                      const UnreadableRows& unreadable = {}) const;
    // Valid on `from` and expiring within `days` days of it (expires_on in [from, from+days]).
    [[nodiscard]] std::vector<ListRow> expiring(std::optional<ComuneId> comune, Date from, int days) const;
    void each_expiring(std::optional<ComuneId> comune, Date from, int days,
                       const std::function<void(const ListRow&)>& row, const UnreadableRows& unreadable = {}) const;

    // Live concessions whose term has not started (non decorse), each with the event it
    // waits for (awaited_event), sorted by comune, cemetery, signing date, deed number;
    // ended ones and freed places excluded. A short list: no streaming.
    [[nodiscard]] std::vector<NotStartedRow> not_started(std::optional<ComuneId> comune,
                                                         const Regulation& regulation) const;

    // --- The change log ---
    [[nodiscard]] std::vector<ChangeLogEntry> change_log(std::optional<std::string> entity = {},
                                                         std::optional<std::int64_t> record_id = {}) const;
    [[nodiscard]] std::int64_t change_log_size() const;

    // --- The life of a concession (register_plots.cpp, register_life.cpp) ---
    // Adds every place of the range in one transaction; refused whole, naming the
    // place, when any is taken.
    WriteResult<std::vector<PlotId>> add_plots(const PlotRange& range);
    // Withdraws a plot from use from a day (a wall condemned, a grave unusable).
    // Refused (invalid_data) without a reason, (missing_reference) for no such plot.
    WriteResult<PlotId> put_out_of_use(PlotId plot, Date from, const std::string& reason);
    [[nodiscard]] std::optional<PlotStateOn> plot_state(PlotId plot, Date on) const;
    [[nodiscard]] std::vector<PlotStatusRow> plots(const PlotQuery& query) const;
    // The next deed number of the comune for the signing year: "2026/0012".
    [[nodiscard]] std::string next_deed_number(ComuneId comune, Date signed_on) const;
    // A new concession on a free plot, decided by decide_concession.
    LifeOutcome concede(const ConcessionRequest& request, const Regulation& regulation);
    // A burial under a concession, decided by decide_burial; moves the expiry where
    // the term restarts.
    LifeOutcome bury(ConcessionId id, const BurialRequest& request, const Regulation& regulation);
    // The payment a term running from the payment waited for, decided by decide_payment:
    // the term starts that day and the start is kept in its history (life().restarts,
    // TermEvent::payment), with a "pay" entry in the change log.
    LifeOutcome pay(ConcessionId id, const PaymentRequest& request, const Regulation& regulation);
    LifeOutcome succeed(ConcessionId id, const SuccessionRequest& request);
    LifeOutcome end_concession(ConcessionId id, const EndingRequest& request, const Regulation& regulation);
    // Records `posted_on` as the posting start of every concession on the comune's
    // expired list as of `as_of` (every comune when none). Returns how many.
    // A concession whose dates cannot be read is not posted: it goes to `unreadable`.
    WriteResult<std::int64_t> post_expired(std::optional<ComuneId> comune, Date as_of, Date posted_on,
                                           const UnreadableRows& unreadable = {});
    // Frees the place of an expired (after its posting) or ended concession.
    LifeOutcome close(ConcessionId id, const ClosingRequest& request, const Regulation& regulation);
    [[nodiscard]] ConcessionLife life(ConcessionId id) const;
    // --- Copies ---
    // Writes a consistent copy of the register to `target` with SQLite's online
    // backup (safe while other programs have it open), readable by its owner only.
    // Never over the register's own files or its copies, nor over an existing file
    // unless `overwrite` allows it (output_file.hpp): OutputRefused, before anything
    // is written. See backup.hpp for the automatic copies and restoring. Throws
    // DatabaseError when the copy cannot be made.
    void backup_to(const std::filesystem::path& target, Overwrite overwrite = Overwrite::refuse) const;
    // --- Verifying (verify.hpp) ---
    // Checks the file's integrity and references, recomputes the change log's chain
    // entry by entry and compares every record with the digest of its latest entry.
    // Reads one snapshot; writes nothing. Throws DatabaseError when the file cannot
    // be read at all; a damaged one is reported (VerifyReport::integrity).
    [[nodiscard]] VerifyReport verify() const;

    // --- Memory (register_memory.cpp) ---
    // Bounds this connection's SQLite page cache, in KiB. The default (64 MiB)
    // keeps a large import or list in memory; a program that shows a page of rows
    // at a time (the desktop program) reads as fast with a few MiB, and its
    // resident memory no longer grows with the register.
    void limit_page_cache(int kib);
    [[nodiscard]] int page_cache_kib() const;

    struct Impl;

private:
    explicit Register(std::unique_ptr<Impl> impl);
    // The automatic copies go into copie/, which backup_to refuses to write into.
    friend std::filesystem::path keep_backup(const Register& reg, std::string_view reason);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cemetery
