// process_test.cc: the vigil binary as a process: killed with SIGKILL at random points and
// rerun with the same --state it produces the same alert ids as one uninterrupted run, with
// no duplicate lines; SIGTERM stops with exit 3 and whole lines; a corrupted checkpoint is
// refused (exit 2), never loaded; `--version` names the allocator the binary really runs on.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <random>
#include <set>
#include <thread>

#include "tests/runtime/run_test_util.h"

extern char** environ;

namespace vigil::testing {
namespace {

// Stateless, aggregate, sequence and history rules over receipts.
constexpr const char* kRules = R"(
rule t.subject { title "s" description "d" class expel severity low
  on receipt when subject contains "invoice" }
rule t.burst { title "b" description "d" class expel severity low
  on receipt aggregate by sender over 10m sliding having count() >= 4 and distinct(recipient) >= 2 }
rule t.seq { title "q" description "d" class expel severity low
  sequence by sender within 30m {
    step a: receipt where subject contains "reset"
    step b: receipt where subject contains "invoice"
  } }
rule t.first { title "f" description "d" class expel severity low
  on receipt when first_seen(sender, recipient) over 1d and subject contains "urgent" }
)";

// `n` receipts one second apart from 2,000 senders, the first `first` seconds after midnight.
std::string Logs(int first, int n) {
  std::mt19937 rng(static_cast<uint32_t>(first) + 7);
  const char* subjects[] = {"hello", "invoice due", "password reset", "urgent: call me", "lunch"};
  std::string out;
  for (int i = first; i < first + n; ++i) {
    const int t = i % 86400;  // seconds after 2024-05-01T00:00:00Z
    char ts[32];
    std::snprintf(ts, sizeof ts, "2024-05-01T%02d:%02d:%02d+0000", (t / 3600) % 24, (t / 60) % 60,
                  t % 60);
    out += std::string("datetime=") + ts + "|aCode=a" + std::to_string(i) +
           "|acc=C1|IP=203.0.113." + std::to_string(rng() % 250) + "|Dir=Inbound|MsgId=<" +
           std::to_string(i) + "@x>|Subject=\\" + subjects[rng() % 5] + "\\|Sender=s" +
           std::to_string(rng() % 2000) + "@x.example|Rcpt=r" + std::to_string(rng() % 50) +
           "@corp.example|Act=Acc\n";
  }
  return out;
}

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, VIGIL_BINARY, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  return rc == 0 ? pid : -1;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

// Records per input file: smaller under sanitizers (a run is ~20x slower there), enough for
// many checkpoints and kill points either way.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kFileA = 15000, kFileB = 6000, kCheckpointEvery = 500;
#else
constexpr int kFileA = 60000, kFileB = 26000, kCheckpointEvery = 2000;
#endif

class ProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir("process");
    WriteFile(dir_ + "/r.vgl", kRules);
    WriteFile(dir_ + "/logs/receipt_a.log", Logs(0, kFileA));
    WriteFile(dir_ + "/logs/receipt_b.log", Logs(kFileA, kFileB));
  }
  std::vector<std::string> Args(const std::string& out, const std::string& state) const {
    std::vector<std::string> a = {VIGIL_BINARY,
                                  "run",
                                  "--rules",
                                  dir_ + "/r.vgl",
                                  "-o",
                                  out,
                                  "-q",
                                  "--stats-json",
                                  out + ".stats",
                                  "--checkpoint-every",
                                  std::to_string(kCheckpointEvery)};
    if (!state.empty()) a.insert(a.end(), {"--state", state});
    a.push_back(dir_ + "/logs");
    return a;
  }
  std::string dir_;
};

std::multiset<std::string> IdsOf(const std::string& path) {
  std::multiset<std::string> ids;
  for (const auto& a : ReadLines(path)) ids.insert(a["id"].get<std::string>());
  return ids;
}

TEST_F(ProcessTest, KilledAndResumedRunsGiveTheSameAlertIds) {
  ASSERT_EQ(Wait(Spawn(Args(dir_ + "/whole.jsonl", ""))), 0);
  const std::multiset<std::string> whole = IdsOf(dir_ + "/whole.jsonl");
  ASSERT_GT(whole.size(), 100u);

  std::mt19937 rng(11);
  int kills = 0;
  for (int attempt = 0; attempt < 40; ++attempt) {
    const pid_t pid = Spawn(Args(dir_ + "/resumed.jsonl", dir_ + "/state"));
    ASSERT_GT(pid, 0);
    if (attempt < 6) {
      std::this_thread::sleep_for(std::chrono::milliseconds(30 + rng() % 400));
      kill(pid, SIGKILL);
    }
    const int rc = Wait(pid);
    if (rc == 0) break;
    ASSERT_EQ(rc, 128 + SIGKILL);
    ++kills;
  }
  EXPECT_GT(kills, 0);
  const std::multiset<std::string> resumed = IdsOf(dir_ + "/resumed.jsonl");
  EXPECT_EQ(resumed.size(), whole.size());
  std::vector<std::string> missing, extra;
  std::set_difference(whole.begin(), whole.end(), resumed.begin(), resumed.end(),
                      std::back_inserter(missing));
  std::set_difference(resumed.begin(), resumed.end(), whole.begin(), whole.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty()) << missing.size() << " missing, first " << missing.front();
  EXPECT_TRUE(extra.empty()) << extra.size() << " extra (or twice), first " << extra.front();
  const auto stats = nlohmann::json::parse(ReadFile(dir_ + "/resumed.jsonl.stats"));
  EXPECT_EQ(stats["records_read"].get<int>(), kFileA + kFileB);
}

TEST_F(ProcessTest, SigtermStopsWithExitThreeAndWholeLines) {
  const pid_t pid = Spawn(Args(dir_ + "/term.jsonl", ""));
  // The signal must arrive while the run reads (its handler is installed before the alerts
  // file is opened; a slow start, as under sanitizers, must not turn this into a kill).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!std::filesystem::exists(dir_ + "/term.jsonl") &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(pid, SIGTERM);
  const int rc = Wait(pid);
  EXPECT_TRUE(rc == 3 || rc == 0) << rc;  // 0 only if the run finished first
  const std::string text = ReadFile(dir_ + "/term.jsonl");
  EXPECT_TRUE(text.empty() || text.back() == '\n');
  EXPECT_NO_THROW(ReadLines(dir_ + "/term.jsonl"));
}

TEST_F(ProcessTest, CorruptedCheckpointIsRefused) {
  ASSERT_EQ(Wait(Spawn(Args(dir_ + "/a.jsonl", dir_ + "/state"))), 0);
  const std::string checkpoint = dir_ + "/state/checkpoint.vgs";
  ASSERT_TRUE(std::filesystem::exists(checkpoint));
  std::string bytes = ReadFile(checkpoint);
  bytes[bytes.size() / 2] ^= 0x01;
  WriteFile(checkpoint, bytes);
  EXPECT_EQ(Wait(Spawn(Args(dir_ + "/a.jsonl", dir_ + "/state"))), 2);
}

// The release binary runs on jemalloc (cli/CMakeLists.txt): jemalloc itself answers the
// version query, so the line proves the library is linked, not merely configured.
TEST(VersionTest, NamesTheLinkedAllocator) {
  FILE* p = popen(VIGIL_BINARY " --version", "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[256];
  while (fgets(buf, sizeof buf, p) != nullptr) out += buf;
  ASSERT_EQ(pclose(p), 0);
  EXPECT_EQ(out.rfind("vigil " VIGIL_VERSION " (allocator: ", 0), 0U) << out;
  if (VIGIL_EXPECT_JEMALLOC) {
    EXPECT_NE(out.find("(allocator: jemalloc 5."), std::string::npos) << out;
  } else {
    EXPECT_NE(out.find("(allocator: system malloc)"), std::string::npos) << out;
  }
}

}  // namespace
}  // namespace vigil::testing
