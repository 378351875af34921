// audit_text.cc: auditType, category and eventInfo of each audit event kind (layouts of the
// public Mimecast audit samples).
#include "gen/audit_text.h"

#include <fmt/format.h>

#include "gen/ids.h"

namespace vigil::gen {
namespace {

// ", Date: 2024-11-04, Time: 09:15:02+0000, IP: 1.2.3.4, Application: Administration Console"
std::string Tail(int64_t ts, const std::string& ip, std::string_view app) {
  return fmt::format(", Date: {}, Time: {}+0000, IP: {}, Application: {}", DatePart(ts),
                     TimePart(ts), ip, app);
}

AuditEvent Event(int64_t ts, std::string user, std::string type, std::string category,
                 std::string info) {
  AuditEvent e;
  e.ts = ts;
  e.user = std::move(user);
  e.type = std::move(type);
  e.category = std::move(category);
  e.info = std::move(info);
  return e;
}

}  // namespace

AuditEvent LogonEvent(LogonStep step, const Person& user, int64_t ts, const std::string& ip,
                      const std::string& reason) {
  const std::string who = fmt::format("{} <{}>", user.email, user.display);
  const std::string tail = Tail(ts, ip, "Administration Console");
  switch (step) {
    case LogonStep::kChallenge:
      return Event(
          ts, user.email, "Logon Requires Challenge", "authentication_logs",
          fmt::format("Intermediate authentication for {}{}, Method: Cloud, 2FA: TOTP", who, tail));
    case LogonStep::kSuccess:
      return Event(
          ts, user.email, "User Logged On", "authentication_logs",
          fmt::format("Successful authentication for {}{}, Method: Two Step Auth, 2FA: TOTP", who,
                      tail));
    case LogonStep::kFailure:
      break;
  }
  return Event(
      ts, user.email, "Logon Authentication Failed", "authentication_logs",
      fmt::format("Failed authentication for {}{}, Method: Cloud, Reason: {}", who, tail, reason));
}

AuditEvent DirectorySyncEvent(int64_t ts, int changes) {
  return Event(ts, "", "Completed Directory Sync", "account_logs",
               changes == 0
                   ? std::string("No changes found.")
                   : fmt::format("Directory sync completed: {} changes applied.", changes));
}

AuditEvent SearchActionEvent(const Person& admin, int64_t ts, const std::string& ip,
                             const std::string& keywords) {
  return Event(ts, admin.email, "Search Action", "case_review_logs",
               fmt::format("Executed Search - Source: Search, Search Criteria: "
                           "{{\"keywords\":\"{}\",\"route\":\"ALL\"}}{}",
                           keywords, Tail(ts, ip, "mimecast-case-review")));
}

AuditEvent MessageActionEvent(const Person& admin, int64_t ts, const std::string& ip,
                              const std::string& from, const std::string& to,
                              const std::string& subject) {
  return Event(ts, admin.email, "Message Action", "case_review_logs",
               fmt::format("Viewed Message - Source: Search, From: {}, To: {}, Subject: {}, "
                           "Viewed Content: False{}",
                           from, to, subject, Tail(ts, ip, "Administration Console")));
}

AuditEvent ApiApplicationEvent(const Person& admin, int64_t ts, const std::string& ip,
                               const std::string& app_name, const std::string& app_id,
                               const std::string& change) {
  return Event(
      ts, admin.email, "API Application Updated", "account_logs",
      fmt::format("Action Performed - API application \"{}\" ({}) {} by {}<{}>{}", app_name, app_id,
                  change, admin.email, admin.email, Tail(ts, ip, "Administration Console")));
}

AuditEvent MailboxExportEvent(const Person& user, int64_t ts, const std::string& ip,
                              const std::string& token) {
  return Event(ts, user.email, "Archive Mailbox Export Download", "archive_service_logs",
               fmt::format("Mailbox export downloaded. Download filename (HTML Report recovery "
                           "id): {} by {}{}",
                           token, user.email, Tail(ts, ip, "Administration Console")));
}

AuditEvent PageExportEvent(const Person& user, int64_t ts, const std::string& ip,
                           const std::string& page, int64_t file_size) {
  return Event(
      ts, user.email, "Page Data Exports", "account_logs",
      fmt::format("[Export type : Download,Name :{},Requested By :{},IP Address :{},"
                  "File name : export_at_{}_{}.xlsx,File Size: {},File type : .xlsx]{}",
                  page, user.email, ip, page, ts, file_size, Tail(ts, ip, "mimecast-matfe")));
}

}  // namespace vigil::gen
