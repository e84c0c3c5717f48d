// The folder walk takes regular files (and symlinks to them) and nothing
// that could block or loop: a FIFO nobody writes to, a socket, a symlink
// loop are each named and skipped, and the good files are read. A FIFO named
// on the command line is a stream, read like stdin.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <thread>

#include "ingest/ingest.h"
#include "tests/ingest/page_fixtures.h"

namespace rasd::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

const char* kPage =
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Projets</title></head><body>"
    "<h1>Remise d'equipements aux anciens detenus</h1><div>"
    "<p>La Fondation Mohammed VI pour la reinsertion des detenus a remis des equipements a des porteurs de projets "
    "generateurs de revenus, lors d'une ceremonie tenue au siege de la province.</p>"
    "<p>Chaque beneficiaire a recu des outils et un stock de depart, selon les besoins releves lors de l'enquete "
    "sociale menee au prealable par la commission provinciale.</p></div></body></html>";

const char* kLine =
    "{\"url\":\"http://x.ma/a\",\"title\":\"Projets\",\"text\":\"La Fondation a remis des equipements a des "
    "porteurs de projets generateurs de revenus dans la province.\"}\n";

// Runs ReadPaths on its own thread; a walk that blocks fails the test and
// ends the program rather than hanging the suite.
void ReadWithGuard(const std::vector<std::string>& paths, CollectingSink* sink) {
  auto done = std::async(std::launch::async, [&] { return ReadPaths(paths, testing::TestOptions(), sink).ok(); });
  if (done.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
    ADD_FAILURE() << "reading blocked for a minute";
    std::fprintf(stderr, "tree_walk_test: reading blocked; giving up\n");
    std::_Exit(1);
  }
  EXPECT_TRUE(done.get());
}

bool HasError(const CollectingSink& sink, const std::string& source, const std::string& part) {
  for (const auto& e : sink.errors) {
    if (e.source == source && e.reason.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(TreeWalk, SkipsFifoSocketAndLoopsAndReadsTheGoodFiles) {
  TempDir dir;
  ASSERT_EQ(mkdir(dir.File("sub").c_str(), 0755), 0);
  testing::WriteFileBytes(dir.File("a.html"), kPage);
  testing::WriteFileBytes(dir.File("sub/b.jsonl"), kLine);
  ASSERT_EQ(mkfifo(dir.File("sub/pipe").c_str(), 0600), 0);
  // A listening socket, as a crawler's control socket might leave.
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = dir.File("sock");
  ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock_path.c_str());
  ASSERT_EQ(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  // A symlink back up the tree, one to itself, one to nowhere, and one to a
  // good file (read through the link too).
  ASSERT_EQ(symlink("..", dir.File("sub/up").c_str()), 0);
  ASSERT_EQ(symlink("self", dir.File("self").c_str()), 0);
  ASSERT_EQ(symlink("nowhere.html", dir.File("dangling").c_str()), 0);
  ASSERT_EQ(symlink("a.html", dir.File("c-link.html").c_str()), 0);

  CollectingSink sink;
  ReadWithGuard({dir.path()}, &sink);
  close(sock);

  ASSERT_EQ(sink.docs.size(), 3u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].source, dir.File("a.html"));
  EXPECT_EQ(sink.docs[1].source, dir.File("c-link.html"));
  EXPECT_EQ(sink.docs[2].source, dir.File("sub/b.jsonl") + ":1");
  EXPECT_EQ(sink.docs[2].url, "http://x.ma/a");
  EXPECT_TRUE(HasError(sink, dir.File("sub/pipe"), "FIFO")) << sink.Describe();
  EXPECT_TRUE(HasError(sink, dir.File("sock"), "socket")) << sink.Describe();
  EXPECT_TRUE(HasError(sink, dir.File("sub/up"), "symlink loop")) << sink.Describe();
  EXPECT_TRUE(HasError(sink, dir.File("self"), "symlink loop")) << sink.Describe();
  EXPECT_TRUE(HasError(sink, dir.File("dangling"), "broken symlink")) << sink.Describe();
  EXPECT_EQ(sink.errors.size(), 5u) << sink.Describe();
}

TEST(TreeWalk, LoopThroughTwoFoldersIsEnteredOnce) {
  TempDir dir;
  ASSERT_EQ(mkdir(dir.File("x").c_str(), 0755), 0);
  ASSERT_EQ(mkdir(dir.File("y").c_str(), 0755), 0);
  testing::WriteFileBytes(dir.File("x/page.html"), kPage);
  ASSERT_EQ(symlink("../y", dir.File("x/to-y").c_str()), 0);
  ASSERT_EQ(symlink("../x", dir.File("y/to-x").c_str()), 0);
  CollectingSink sink;
  ReadWithGuard({dir.path()}, &sink);
  // x is read once, y once (through x/to-y, its first path in name order):
  // the link back to x is the loop; y itself is not read twice.
  ASSERT_EQ(sink.docs.size(), 1u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].source, dir.File("x/page.html"));
  EXPECT_TRUE(HasError(sink, dir.File("x/to-y/to-x"), "symlink loop")) << sink.Describe();
  EXPECT_EQ(sink.errors.size(), 1u) << sink.Describe();
}

TEST(TreeWalk, FifoNamedExplicitlyIsReadAsAStream) {
  TempDir dir;
  std::string fifo = dir.File("feed");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // The writer sends two lines in pieces, as a scraper piping its output would.
  std::thread writer([&] {
    int fd = open(fifo.c_str(), O_WRONLY);
    if (fd < 0) return;
    std::string all = std::string(kLine) + kLine;
    size_t half = all.size() / 2;
    (void)!write(fd, all.data(), half);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    (void)!write(fd, all.data() + half, all.size() - half);
    close(fd);
  });
  CollectingSink sink;
  ReadWithGuard({fifo}, &sink);
  writer.join();
  ASSERT_EQ(sink.docs.size(), 2u) << sink.Describe();
  EXPECT_EQ(sink.docs[0].source, fifo + ":1");
  EXPECT_EQ(sink.docs[1].source, fifo + ":2");
  EXPECT_TRUE(sink.errors.empty()) << sink.Describe();
}

TEST(TreeWalk, SocketNamedExplicitlyIsRefusedByName) {
  TempDir dir;
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::string sock_path = dir.File("s");
  std::strcpy(addr.sun_path, sock_path.c_str());
  ASSERT_EQ(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  CollectingSink sink;
  ReadWithGuard({sock_path}, &sink);
  close(sock);
  EXPECT_TRUE(sink.docs.empty());
  EXPECT_TRUE(HasError(sink, sock_path, "socket")) << sink.Describe();
}

}  // namespace
}  // namespace rasd::ingest
