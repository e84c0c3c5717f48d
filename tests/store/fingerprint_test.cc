// Content hashes, search folding and near-duplicate signatures.
#include "store/fingerprint.h"

#include <gtest/gtest.h>

namespace rasd::store {
namespace {

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  EXPECT_EQ(Sha256Hex(million), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding boundary.
  EXPECT_EQ(Sha256Hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Sha256Hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(FoldForSearchTest, ArabicVariantsFoldTogether) {
  // Alef with hamza, ta marbuta, diacritics and tatweel fold away.
  EXPECT_EQ(FoldForSearch("إدماج"), FoldForSearch("ادماج"));
  EXPECT_EQ(FoldForSearch("مؤسسة"), FoldForSearch("مؤسسه"));
  EXPECT_EQ(FoldForSearch("السُّجَنَاء"), FoldForSearch("السجناء"));
  EXPECT_EQ(FoldForSearch("مـشـروع"), FoldForSearch("مشروع"));
  EXPECT_EQ(FoldForSearch("Réinsertion"), FoldForSearch("reinsertion"));
}

TEST(SearchWordsTest, SplitsOnSpacesAndPunctuation) {
  std::string folded = FoldForSearch("تسليم 30 مشروعا، لفائدة (13) سجينا.");
  auto words = SearchWords(folded);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[1], "30");
  EXPECT_EQ(words[4], "13");
}

const char* kDispatch =
    "أشرف عامل إقليم كلميم على تسليم مشاريع مدرة للدخل لفائدة سبعة وثلاثين سجينا سابقا في إطار برنامج "
    "مؤسسة محمد السادس لإعادة إدماج السجناء بشراكة مع المبادرة الوطنية للتنمية البشرية وتندرج هذه "
    "المشاريع في مجالات الخدمات والتجارة والفلاحة والصناعة التقليدية وقد بلغت الكلفة الإجمالية أزيد من "
    "مليون درهم حسب ما أفاد به بلاغ للمؤسسة التي أكدت مواصلة دعم المستفيدين ومواكبتهم";

TEST(MinHashTest, RepublishedDispatchIsSimilarAndOtherTextIsNot) {
  std::string original = kDispatch;
  std::string republished = std::string("كلميم - متابعة: ") + kDispatch + " اقرأ أيضا على الموقع";
  std::string other =
      "أعلنت وزارة الاقتصاد والمالية عن ارتفاع عائدات الضريبة على القيمة المضافة خلال الأشهر الأولى من السنة "
      "الجارية بنسبة مهمة مقارنة مع الفترة نفسها من السنة الماضية حسب ما جاء في نشرة إحصائيات المالية العمومية";
  auto a = MinHashSignature(FoldForSearch(original));
  auto b = MinHashSignature(FoldForSearch(republished));
  auto c = MinHashSignature(FoldForSearch(other));
  ASSERT_EQ(a.size(), static_cast<size_t>(kMinHashSize));
  EXPECT_GE(EstimatedSimilarity(a, b), 0.6);
  EXPECT_LE(EstimatedSimilarity(a, c), 0.1);
  EXPECT_EQ(EstimatedSimilarity(a, a), 1.0);
  // Near-duplicates share at least one bucket.
  auto ka = BucketKeys(a), kb = BucketKeys(b);
  int shared = 0;
  for (size_t i = 0; i < ka.size(); ++i) shared += ka[i] == kb[i];
  EXPECT_GE(shared, 1);
  EXPECT_EQ(SignatureFromBlob(SignatureToBlob(a)), a);
}

TEST(MinHashTest, ShortTextsHaveNoSignature) {
  EXPECT_TRUE(MinHashSignature(FoldForSearch("خبر قصير")).empty());
}

}  // namespace
}  // namespace rasd::store
