// Official or press: by the site (data/sources/sites.tsv) or a communique cue.
#include "ingest/source_kind.h"

#include <gtest/gtest.h>

#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

TEST(SourceKindTest, SitesAndCommuniqueCues) {
  auto kinds = SourceKinds::Load(testing::DataDir());
  ASSERT_TRUE(kinds.ok()) << kinds.status().message();
  Document d;
  d.url = "https://www.fm6r.ma/fr/actualites/taroudant";
  EXPECT_EQ((*kinds)->Classify(d), "official");
  d.url = "https://www.justice.gov.ma/communique";
  EXPECT_EQ((*kinds)->Classify(d), "official");
  d.url = "https://notgov.ma.example.com/x";
  EXPECT_EQ((*kinds)->Classify(d), "press");
  d.url = "https://www.hespress.com/x";
  d.text = "تيزنيت\nأفاد بلاغ لمؤسسة محمد السادس لإعادة إدماج السجناء أن 13 سجينا سابقا استفادوا.";
  EXPECT_EQ((*kinds)->Classify(d), "official");
  d.text = "Agadir - 23 anciens détenus, indique un communiqué de la Fondation, ont reçu leurs équipements.";
  EXPECT_EQ((*kinds)->Classify(d), "official");
  d.text = "تيزنيت: ثلاثة عشر سجينا سابقا يتسلمون معدات مشاريع مدرة للدخل";
  EXPECT_EQ((*kinds)->Classify(d), "press");
  EXPECT_EQ((*kinds)->KindOfHost("mapexpress.ma"), "press");
}

}  // namespace
}  // namespace rasd::ingest
