#pragma once
// What the change log says of holders: how many, and a digest of their data;
// never the data. Holders are living people, the log is kept for ever and can
// never be edited, so their names, tax codes and contacts live in the records
// (the holder table), where a clerk corrects or erases them, and the log only
// pins what was written. The deceased are no living people: entries keep their
// names and dates (the burial register is a public record, DPR 285/1990 art. 52).
//
// The digest is a SHA-256 over the canonical form (canonical.hpp) of the whole
// block, "cemetery holders digest format 1", the count, then each holder's
// surname, given name, codice fiscale, address, phone and e-mail in order. A
// digest of one low-entropy value (a tax code) could be reversed by trying every
// value; this one confirms a guess only of every field of every holder at once,
// free-text address and e-mail included, and gives nothing the entry's
// state_digest (the whole record, holders' rows included) does not already give.
// Once a clerk erases a contact, nothing in the register can show it again: a
// digest cannot be read, only matched by whoever already holds the value.

#include <cemetery/concession.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cemetery::storage {

[[nodiscard]] std::string holders_digest(const std::vector<Holder>& holders);

// {"count": 2, "digest": "<hex>"}: what an entry writes in place of holders.
[[nodiscard]] nlohmann::json holders_summary(const std::vector<Holder>& holders);

// The same for holders as entries of schema 5 and before wrote them: an array of
// objects with some of the six fields (missing ones empty), or of full names
// (taken as the surname). For the migration that takes them out of the log.
[[nodiscard]] nlohmann::json holders_summary_of(const nlohmann::json& written);

}  // namespace cemetery::storage
