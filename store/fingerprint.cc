#include "store/fingerprint.h"

#include <array>
#include <cstring>
#include <limits>

#include "normalize/normalize.h"

namespace rasd::store {
namespace {

// ---- SHA-256 (FIPS 180-4) ----

constexpr std::array<uint32_t, 64> kSha256K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void Sha256Block(const unsigned char* p, uint32_t h[8]) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t(p[4 * i]) << 24) | (uint32_t(p[4 * i + 1]) << 16) | (uint32_t(p[4 * i + 2]) << 8) |
           uint32_t(p[4 * i + 3]);
  }
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t t1 = hh + s1 + ch + kSha256K[i] + w[i];
    uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
    uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t2 = s0 + maj;
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

// ---- hashing for shingles ----

inline uint64_t Mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashBytes(std::string_view s, uint64_t h) {  // FNV-1a, then mixed
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool IsWordByte(unsigned char c) {
  if (c >= 0x80) return true;  // every non-ASCII byte: letters of other scripts
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  size_t full = n / 64;
  for (size_t i = 0; i < full; ++i) Sha256Block(p + 64 * i, h);
  unsigned char tail[128] = {0};
  size_t rest = n - full * 64;
  if (rest) std::memcpy(tail, p + full * 64, rest);
  tail[rest] = 0x80;
  size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = static_cast<uint64_t>(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  Sha256Block(tail, h);
  if (tail_len == 128) Sha256Block(tail + 64, h);
  static const char* kHex = "0123456789abcdef";
  std::string out(64, '0');
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 8; ++j) out[i * 8 + j] = kHex[(h[i] >> (28 - 4 * j)) & 0xF];
  }
  return out;
}

std::string FoldForSearch(std::string_view text) { return NormalizeKey(text); }

std::vector<std::string_view> SearchWords(const std::string& folded) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    size_t start = i;
    while (i < folded.size() && IsWordByte(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > start) words.push_back(std::string_view(folded).substr(start, i - start));
  }
  return words;
}

std::vector<uint32_t> MinHashSignature(const std::string& folded) {
  std::vector<std::string_view> words = SearchWords(folded);
  if (words.size() < static_cast<size_t>(kShingleWords + kMinShingles - 1)) return {};
  std::vector<uint64_t> word_hashes;
  word_hashes.reserve(words.size());
  for (auto w : words) word_hashes.push_back(Mix64(HashBytes(w, 0xcbf29ce484222325ULL)));
  std::vector<uint32_t> sig(kMinHashSize, std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i + kShingleWords <= word_hashes.size(); ++i) {
    uint64_t shingle = 0;
    for (int k = 0; k < kShingleWords; ++k) shingle = Mix64(shingle * 31 + word_hashes[i + k]);
    // One hash per signature slot, derived from the shingle hash: cheaper
    // than kMinHashSize independent hash functions and as good for MinHash.
    for (int j = 0; j < kMinHashSize; ++j) {
      uint32_t v = static_cast<uint32_t>(Mix64(shingle ^ (0x9e3779b97f4a7c15ULL * (j + 1))) >> 32);
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

double EstimatedSimilarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<int64_t> BucketKeys(const std::vector<uint32_t>& signature) {
  std::vector<int64_t> keys;
  if (signature.size() != static_cast<size_t>(kMinHashSize)) return keys;
  for (int band = 0; band < kMinHashSize / kBucketRows; ++band) {
    uint64_t h = Mix64(0x5bd1e995ULL + band);
    for (int r = 0; r < kBucketRows; ++r) h = Mix64(h ^ signature[band * kBucketRows + r]);
    keys.push_back(static_cast<int64_t>(h >> 1));  // non-negative, fits SQLite's INTEGER
  }
  return keys;
}

std::string SignatureToBlob(const std::vector<uint32_t>& signature) {
  std::string blob(signature.size() * 4, '\0');
  for (size_t i = 0; i < signature.size(); ++i) {
    for (int b = 0; b < 4; ++b) blob[4 * i + b] = static_cast<char>((signature[i] >> (8 * b)) & 0xFF);
  }
  return blob;
}

std::vector<uint32_t> SignatureFromBlob(std::string_view blob) {
  std::vector<uint32_t> sig(blob.size() / 4);
  for (size_t i = 0; i < sig.size(); ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= uint32_t(static_cast<unsigned char>(blob[4 * i + b])) << (8 * b);
    sig[i] = v;
  }
  return sig;
}

}  // namespace rasd::store
