// browser.cc: headless Chromium helpers for the catalog tests.
#include "tests/catalog/browser.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <re2/re2.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigil::catalog::testing {
namespace {

namespace fs = std::filesystem;

// Flags that keep Chromium off the network and out of the user's profile.
std::vector<std::string> BaseArgs(const std::string& profile) {
  return {VIGIL_CHROMIUM,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-default-apps",
          "--no-default-browser-check",
          "--user-data-dir=" + profile};
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs argv through the shell with a time limit; stdout into *out, stderr discarded.
int Run(const std::vector<std::string>& argv, std::string* out) {
  std::string cmd = "timeout 120";
  for (const std::string& a : argv) cmd += " " + Quote(a);
  cmd += " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return -1;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int rc = ::pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [name, c] : kEntities) {
        const size_t len = std::char_traits<char>::length(name);
        if (s.compare(i, len, name) == 0) {
          out += c;
          i += len - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

bool ChromiumAvailable() { return ::access(VIGIL_CHROMIUM, X_OK) == 0; }

TempDir::TempDir(const std::string& prefix) {
  std::string tmpl = ::testing::TempDir() + prefix + "XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  const char* made = ::mkdtemp(buf.data());
  path_ = made != nullptr ? std::string(made) : tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string FileUrl(const std::string& path, const std::string& fragment) {
  std::string url = "file://" + fs::absolute(path).string();
  if (!fragment.empty()) url += "#" + fragment;
  return url;
}

std::string DumpDom(const std::string& url, std::string* error) {
  TempDir profile("chromium_profile_");
  std::vector<std::string> argv = BaseArgs(profile.path());
  argv.push_back("--virtual-time-budget=5000");
  argv.push_back("--dump-dom");
  argv.push_back(url);
  std::string out;
  const int rc = Run(argv, &out);
  if (rc != 0 || out.empty()) {
    *error = "chromium --dump-dom exited with " + std::to_string(rc);
    return "";
  }
  return out;
}

bool Screenshot(const std::string& url, const std::string& png, int width, int height,
                std::string* error) {
  TempDir profile("chromium_profile_");
  std::vector<std::string> argv = BaseArgs(profile.path());
  argv.push_back("--hide-scrollbars");
  argv.push_back("--virtual-time-budget=5000");
  argv.push_back("--window-size=" + std::to_string(width) + "," + std::to_string(height));
  argv.push_back("--screenshot=" + png);
  argv.push_back(url);
  std::string out;
  const int rc = Run(argv, &out);
  if (rc != 0 || !fs::exists(png)) {
    *error = "chromium --screenshot exited with " + std::to_string(rc);
    return false;
  }
  return true;
}

std::vector<Row> RuleRows(const std::string& dom) {
  static const re2::RE2 kRow(R"(<tr class="rule"([^>]*)>)");
  static const re2::RE2 kAttr(R"re(([a-z-]+)="([^"]*)")re");
  std::vector<Row> rows;
  re2::StringPiece input(dom);
  std::string attrs;
  while (re2::RE2::FindAndConsume(&input, kRow, &attrs)) {
    Row row;
    re2::StringPiece rest(attrs);
    std::string name, value;
    while (re2::RE2::FindAndConsume(&rest, kAttr, &name, &value)) row.attrs[name] = Unescape(value);
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---- DevTools over --remote-debugging-pipe --------------------------------------------------

std::unique_ptr<DevToolsPage> DevToolsPage::Open(const std::string& url, std::string* error) {
  std::unique_ptr<DevToolsPage> page(new DevToolsPage());
  page->profile_ = std::make_unique<TempDir>("chromium_devtools_");
  int in[2], out[2];  // in: we write, Chromium reads (its fd 3); out: Chromium writes (its fd 4)
  if (::pipe(in) != 0 || ::pipe(out) != 0) {
    *error = "pipe failed";
    return nullptr;
  }
  std::vector<std::string> args = BaseArgs(page->profile_->path());
  args.push_back("--remote-debugging-pipe");
  args.push_back("about:blank");
  const pid_t pid = ::fork();
  if (pid < 0) {
    *error = "fork failed";
    return nullptr;
  }
  if (pid == 0) {
    // Child: the pipe ends go to fds 3 and 4 (moved clear of them first), output to /dev/null.
    const int r = ::fcntl(in[0], F_DUPFD, 10);
    const int w = ::fcntl(out[1], F_DUPFD, 10);
    ::dup2(r, 3);
    ::dup2(w, 4);
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    for (int fd = 5; fd < 256; ++fd) ::close(fd);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  page->pid_ = pid;
  page->to_browser_ = in[1];
  page->from_browser_ = out[0];

  const nlohmann::json target = page->Call("Target.createTarget", {{"url", url}}, false, error);
  if (!target.contains("targetId")) return nullptr;
  const nlohmann::json attached = page->Call(
      "Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}}, false, error);
  if (!attached.contains("sessionId")) return nullptr;
  page->session_ = attached["sessionId"].get<std::string>();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    const nlohmann::json ready =
        page->Eval("document.body ? document.body.getAttribute('data-ready') : null", error);
    if (ready.is_string() && ready.get<std::string>() == "true") return page;
    ::usleep(100 * 1000);
  }
  *error = "the page never became ready";
  return nullptr;
}

DevToolsPage::~DevToolsPage() {
  if (to_browser_ >= 0) {
    std::string ignored;
    Send({{"id", next_id_++}, {"method", "Browser.close"}}, &ignored);
    ::close(to_browser_);
  }
  if (from_browser_ >= 0) ::close(from_browser_);
  if (pid_ > 0) {
    for (int i = 0; i < 50; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      ::usleep(100 * 1000);
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool DevToolsPage::Send(const nlohmann::json& msg, std::string* error) {
  const std::string text = msg.dump() + std::string(1, '\0');
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(to_browser_, text.data() + done, text.size() - done);
    if (n <= 0) {
      *error = "write to chromium failed";
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool DevToolsPage::Receive(nlohmann::json* msg, int timeout_ms, std::string* error) {
  for (;;) {
    const size_t end = buffer_.find('\0');
    if (end != std::string::npos) {
      *msg = nlohmann::json::parse(buffer_.substr(0, end), nullptr, false);
      buffer_.erase(0, end + 1);
      return true;
    }
    pollfd p{from_browser_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) {
      *error = "no answer from chromium";
      return false;
    }
    char buf[65536];
    const ssize_t n = ::read(from_browser_, buf, sizeof buf);
    if (n <= 0) {
      *error = "chromium closed the pipe";
      return false;
    }
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

nlohmann::json DevToolsPage::Call(const std::string& method, const nlohmann::json& params,
                                  bool in_session, std::string* error) {
  const int id = next_id_++;
  nlohmann::json msg = {{"id", id}, {"method", method}, {"params", params}};
  if (in_session) msg["sessionId"] = session_;
  if (!Send(msg, error)) return nullptr;
  for (;;) {
    nlohmann::json reply;
    if (!Receive(&reply, 30000, error)) return nullptr;
    if (!reply.is_object() || !reply.contains("id") || reply["id"] != id) continue;  // events
    if (reply.contains("error")) {
      *error = method + ": " + reply["error"].dump();
      return nullptr;
    }
    return reply.value("result", nlohmann::json::object());
  }
}

nlohmann::json DevToolsPage::Eval(const std::string& expression, std::string* error) {
  const nlohmann::json r =
      Call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}}, true, error);
  if (!r.is_object() || !r.contains("result")) return nullptr;
  if (r.contains("exceptionDetails")) {
    *error = "exception: " + r["exceptionDetails"].dump();
    return nullptr;
  }
  return r["result"].value("value", nlohmann::json());
}

}  // namespace vigil::catalog::testing
