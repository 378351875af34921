// browser.h: drives Debian's headless Chromium for the catalog tests: --dump-dom and
// --screenshot of a file:// URL, and a DevTools session over --remote-debugging-pipe that runs
// JavaScript in the page (to operate the filter controls like a user).
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vigil::catalog::testing {

// The Chromium binary (VIGIL_CHROMIUM) exists and is executable.
bool ChromiumAvailable();

// A fresh empty directory under the test temp dir; removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix);
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// file:// URL of an absolute path, plus an optional fragment ("class=duet").
std::string FileUrl(const std::string& path, const std::string& fragment = "");

// The DOM Chromium serializes after loading `url` and running its scripts; "" on failure
// (*error says why).
std::string DumpDom(const std::string& url, std::string* error);

// Saves a PNG screenshot of `url` at width x height; false and *error on failure.
bool Screenshot(const std::string& url, const std::string& png, int width, int height,
                std::string* error);

// One rule row of the page as the DOM shows it: its data-* attributes.
struct Row {
  std::map<std::string, std::string> attrs;  // "data-id" -> "mimecast.expel.x", ...
};
// The <tr class="rule" ...> rows of a serialized DOM, in order.
std::vector<Row> RuleRows(const std::string& dom);

// A page opened in headless Chromium, controlled over the DevTools protocol (pipe transport).
class DevToolsPage {
 public:
  ~DevToolsPage();
  // Starts Chromium, opens `url` in a new target, attaches and waits until
  // document.body has data-ready="true". Null and *error on failure.
  static std::unique_ptr<DevToolsPage> Open(const std::string& url, std::string* error);
  // Evaluates `expression` in the page; the value (returnByValue), or null JSON and *error.
  nlohmann::json Eval(const std::string& expression, std::string* error);

 private:
  DevToolsPage() = default;
  nlohmann::json Call(const std::string& method, const nlohmann::json& params, bool in_session,
                      std::string* error);
  bool Send(const nlohmann::json& msg, std::string* error);
  bool Receive(nlohmann::json* msg, int timeout_ms, std::string* error);

  pid_t pid_ = -1;
  int to_browser_ = -1;    // our end of Chromium's fd 3
  int from_browser_ = -1;  // our end of Chromium's fd 4
  int next_id_ = 1;
  std::string session_;
  std::string buffer_;
  std::unique_ptr<TempDir> profile_;
};

}  // namespace vigil::catalog::testing
