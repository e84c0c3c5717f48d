// What the store computes from a document's text to recognise it again: the
// content hash (same text), the folded text the search index holds, and a
// MinHash signature of its word shingles (nearly the same text: the same
// dispatch republished with a new headline, a byline or a cut).
#ifndef RASD_STORE_FINGERPRINT_H_
#define RASD_STORE_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::store {

// SHA-256 of `data`, lowercase hex.
std::string Sha256Hex(std::string_view data);

// The text as the search index sees it: Arabic letter variants, diacritics
// and tatweel, Latin case and accents folded (normalize's matching form).
// Queries are folded the same way.
std::string FoldForSearch(std::string_view text);

// Words of folded text: maximal runs of bytes that are not ASCII spaces or
// punctuation (Arabic punctuation is already ASCII after folding).
// The views point into `folded`, which must outlive them.
std::vector<std::string_view> SearchWords(const std::string& folded);
std::vector<std::string_view> SearchWords(std::string&& folded) = delete;

inline constexpr int kMinHashSize = 60;     // values in a signature
inline constexpr int kBucketRows = 3;       // values per locality-sensitive bucket
inline constexpr int kShingleWords = 4;     // words per shingle
inline constexpr int kMinShingles = 8;      // shorter texts get no signature

// The MinHash signature of the word shingles of folded text; empty when the
// text has fewer than kMinShingles shingles.
std::vector<uint32_t> MinHashSignature(const std::string& folded);

// The estimated Jaccard similarity of two signatures (share of equal values).
double EstimatedSimilarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// One key per band of kBucketRows values: documents sharing a key are
// near-duplicate candidates. The band number is hashed into its key.
std::vector<int64_t> BucketKeys(const std::vector<uint32_t>& signature);

// Signature <-> BLOB (little-endian uint32s).
std::string SignatureToBlob(const std::vector<uint32_t>& signature);
std::vector<uint32_t> SignatureFromBlob(std::string_view blob);

}  // namespace rasd::store

#endif  // RASD_STORE_FINGERPRINT_H_
