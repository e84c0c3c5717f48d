// common/tsv: reading rasd's data files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "common/tsv.h"

namespace rasd {
namespace {

namespace fs = std::filesystem;

class TsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("rasd-tsv-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  struct Read {
    Status status;
    std::vector<TsvRow> rows;
  };
  static Read ReadAll(const std::string& path, bool header) {
    Read r;
    r.status = ReadTsv(path, header, [&](const TsvRow& row) {
      r.rows.push_back(row);
      return Status::Ok();
    });
    return r;
  }

  fs::path dir_;
};

TEST_F(TsvTest, RowsFieldsAndLineNumbers) {
  const std::string path = Write("provinces.tsv",
                                 "\xEF\xBB\xBF# code\tname\r\n"
                                 "\r\n"
                                 "MA-SIK\t Sidi Kacem \tسيدي قاسم\r\n"
                                 "   \n"
                                 "  # an indented comment\n"
                                 "MA-SKH\tSkhirate-Témara\t\n"
                                 "MA-REH");
  Read r = ReadAll(path, false);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_EQ(r.rows[0].fields, (std::vector<std::string>{"MA-SIK", "Sidi Kacem", "سيدي قاسم"}));
  EXPECT_EQ(r.rows[1].line, 6);
  EXPECT_EQ(r.rows[1].fields, (std::vector<std::string>{"MA-SKH", "Skhirate-Témara", ""}));
  EXPECT_EQ(r.rows[2].line, 7);  // no final newline
  EXPECT_EQ(r.rows[2].at(0), "MA-REH");
  EXPECT_EQ(r.rows[2].at(1), "");
  EXPECT_EQ(r.rows[2].at(99), "");
}

TEST_F(TsvTest, HeaderIsTheFirstDataRow) {
  const std::string path = Write("with_header.tsv", "# comment\ncode\tname\nMA-SIK\tSidi Kacem\n");
  Read r = ReadAll(path, true);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].at(0), "MA-SIK");
  EXPECT_EQ(r.rows[0].line, 3);
}

TEST_F(TsvTest, ByteOrderMarkOnlyAtTheStart) {
  const std::string path = Write("bom.txt", "\xEF\xBB\xBFle\n\xEF\xBB\xBFla\n");
  Read r = ReadAll(path, false);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].at(0), "le");
  EXPECT_EQ(r.rows[1].at(0), "\xEF\xBB\xBF" "la");
}

TEST_F(TsvTest, MissingFileNamesThePath) {
  const std::string path = (dir_ / "absent.tsv").string();
  Read r = ReadAll(path, false);
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), Status::Code::kIOError);
  EXPECT_NE(r.status.message().find(path), std::string::npos) << r.status.message();
}

TEST_F(TsvTest, ErrorFromTheCallerNamesFileAndLineAndStops) {
  const std::string path = Write("bad.tsv", "ok\n# c\nbad\nnever\n");
  int calls = 0;
  Status s = ReadTsv(path, false, [&](const TsvRow& row) {
    ++calls;
    if (row.at(0) == "bad") return Status::InvalidArgument("unknown code 'bad'");
    return Status::Ok();
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), path + ":3: unknown code 'bad'");
  EXPECT_EQ(calls, 2);
}

TEST_F(TsvTest, EmptyFile) {
  Read r = ReadAll(Write("empty.tsv", ""), true);
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.rows.empty());
}

TEST(SplitVariants, NonEmptyTrimmedParts) {
  EXPECT_EQ(SplitVariants("Témara|تمارة| Temara |"), (std::vector<std::string>{"Témara", "تمارة", "Temara"}));
  EXPECT_EQ(SplitVariants("a||b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(SplitVariants("single"), (std::vector<std::string>{"single"}));
  EXPECT_TRUE(SplitVariants("").empty());
  EXPECT_TRUE(SplitVariants(" | |").empty());
  EXPECT_EQ(SplitVariants("a,b", ','), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace rasd
