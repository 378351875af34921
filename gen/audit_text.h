// audit_text.h: audit events as Mimecast writes them (auditType, category and the free-text
// eventInfo with its embedded "Date:", "Time:", "IP:", "Application:", "Method:", "Reason:"
// parts), for the benign console background and the planted console scenarios.
#pragma once

#include <cstdint>
#include <string>

#include "gen/model.h"

namespace vigil::gen {

enum class LogonStep { kChallenge, kSuccess, kFailure };

// A logon step of `user` from `ip` at `ts`; `reason` only for failures ("Wrong password").
AuditEvent LogonEvent(LogonStep step, const Person& user, int64_t ts, const std::string& ip,
                      const std::string& reason = "Wrong password");
AuditEvent DirectorySyncEvent(int64_t ts, int changes);
AuditEvent SearchActionEvent(const Person& admin, int64_t ts, const std::string& ip,
                             const std::string& keywords);
AuditEvent MessageActionEvent(const Person& admin, int64_t ts, const std::string& ip,
                              const std::string& from, const std::string& to,
                              const std::string& subject);
// "API Application Updated": an API application (e.g. a SIEM collector) changed by `admin`.
AuditEvent ApiApplicationEvent(const Person& admin, int64_t ts, const std::string& ip,
                               const std::string& app_name, const std::string& app_id,
                               const std::string& change);
// "Archive Mailbox Export Download": a mailbox export downloaded by `user`.
AuditEvent MailboxExportEvent(const Person& user, int64_t ts, const std::string& ip,
                              const std::string& token);
// "Page Data Exports": a console page exported to a file.
AuditEvent PageExportEvent(const Person& user, int64_t ts, const std::string& ip,
                           const std::string& page, int64_t file_size);

}  // namespace vigil::gen
