// model.h: what the generator simulates, before any wire format: the world (tenants, their
// users, partners and the outside organisations that mail them) and the messages and
// security events of one tenant. Traffic and scenarios fill these; the renderers turn them
// into Mimecast records of one API generation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::gen {

enum class Dir { kInbound, kOutbound, kInternal };

struct Person {
  std::string first, last;  // capitalised ("Mary", "Okafor")
  std::string display;      // "Mary Okafor"
  std::string email;        // lower-case
  std::string department;
  std::string title;  // "Chief Executive Officer" for VIPs, else ""
  bool vip = false;
  bool finance = false;
  bool admin = false;  // Mimecast administrator
};

struct TenantModel {
  std::string id;       // "t1-harborline"
  std::string name;     // "Harborline Logistics"
  std::string account;  // Mimecast account code, "CUSA4B2731"
  std::string region;   // "us" or "eu": MTA host names
  std::string time_zone;
  std::vector<std::string> domains;   // org domains, [0] primary
  std::vector<std::string> partners;  // partner domains
  std::vector<Person> users;
  std::vector<size_t> vips, finance, admins;  // indices into users
  std::vector<std::string> egress_ips;        // the tenant's own outbound / office IPs
  std::string office_ip;                      // where administrators log on from
  std::string mx_host;                        // inbound delivery host (Exchange Online)
  bool journaling = false;
  double weight = 1;  // share of the traffic
};

enum class OrgKind { kBusiness, kNewsletter, kSaas, kSpammer };

struct ExternalOrg {
  std::string domain;
  OrgKind kind = OrgKind::kBusiness;
  std::vector<std::string> locals;  // sender local parts
  std::vector<std::string> ips;     // sending IPs
  bool dmarc_fails = false;         // misconfigured: DMARC fail but accepted (benign near miss)
};

struct World {
  std::vector<TenantModel> tenants;
  std::vector<ExternalOrg> orgs;  // ordered by popularity rank
};

struct Attachment {
  std::string name, ext, mime;
  int64_t size = 0;
  std::string md5, sha1, sha256;
};

struct Auth {
  std::string spf = "ALLOW", dkim = "ALLOW", dmarc = "ALLOW";  // Mimecast "info" values
};

// Impersonation Protect identifiers evaluated at process (and on impersonation lines).
struct ImpFlags {
  bool internal_name = false, new_domain = false, reply_mismatch = false;
  bool similar_internal = false, similar_external = false, threat_dictionary = false;
  bool custom_dictionary = false, custom_name = false;
};

// One delivery attempt to one recipient.
struct Attempt {
  size_t rcpt = 0;
  int number = 1;
  bool delivered = true;
  int64_t ts = 0;
  int latency_ms = 0;
  std::string rej_type, rej_code, rej_info, error;
};

// One message as Mimecast saw it: receipt (one line per recipient), process, delivery.
struct Message {
  int64_t ts = 0;  // receipt time, ms since the epoch
  Dir dir = Dir::kInbound;
  std::string sender;  // envelope; "" is the null sender <>
  std::string from;    // header From address
  std::string from_name;
  std::vector<std::string> rcpts;
  std::string subject, message_id;
  std::string acode, aggregate_id, processing_id;
  std::string sender_ip;
  std::string tls_version, cipher;  // empty: no TLS
  Auth auth;
  bool has_auth = true;
  int spam_score = 0;
  int spam_limit = 28;
  std::string verdict, risk;  // spam verdict decision and risk ("" when none)
  bool grey = false;
  // receipt
  std::string receipt_act = "Acc";  // Acc, Rej, Ign, Bnc
  std::string rej_type, rej_code, rej_info, receipt_error, virus;
  // process (absent when rejected at receipt)
  std::string process_act = "Acc";  // Acc, Hld, Sdbx, Bnc
  std::string hold_reason;          // Spm, Att, Imp, ...
  std::vector<Attachment> attachments;
  int64_t size = 0;
  ImpFlags imp;
  bool imp_flags_logged = false;  // API 1.0 process line carries the IP* flags
  bool journal = false;
  std::vector<Attempt> attempts;
  std::string route, dest_host, dest_ip;
  int scenario = -1;  // planted scenario instance, -1 for benign traffic
};

struct AvHit {
  size_t msg = 0;
  int64_t ts = 0;
  Attachment file;
  std::string virus;
  int scenario = -1;
};

struct ApVerdict {  // Attachment Protect: feed log, and a SIEM line when malicious
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  Attachment file;
  std::string result = "safe";
  std::string action_triggered = "none, none";
  std::string definition = "Default Attachment Protection Definition";
  std::string details;
  int scenario = -1;
};

struct ImpVerdict {  // Impersonation Protect: SIEM line and feed log
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  ImpFlags flags;               // the identifiers that hit
  std::string action = "None";  // SIEM: None, Hold
  std::string definition = "Default Impersonation Definition";
  bool tagged_malicious = false, tagged_external = true;
  std::string similar;         // similarDomain: "Name <vip@org>" or a domain
  std::string similar_string;  // stringSimilarToDomain
  int scenario = -1;
};

struct UrlClick {  // TTP URL Protect click log, and a SIEM line when blocked
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  std::string url, category = "Business", scan_result = "clean";
  std::string action = "allow", actions = "Allow";
  std::string awareness = "N/A", user_override = "None";
  std::string creation = "User Click";
  std::string definition = "Default Inbound URL Protect Definition";
  std::string tag_type;  // tagMap UrlReputationScan Type when blocked
  bool siem_line = false;
  int scenario = -1;
};

struct IepHit {
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  std::string url, category, scan_info;
  int scenario = -1;
};

struct SpamThread {
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  int scenario = -1;
};

struct DlpEvent {
  size_t msg = 0;
  size_t rcpt = 0;
  int64_t ts = 0;
  std::string policy, action;
  int scenario = -1;
};

struct AuditEvent {
  int64_t ts = 0;
  std::string user, type, category, info;
  int scenario = -1;
};

struct ReleaseEvent {
  size_t msg = 0;
  int64_t ts = 0;
  std::string op;  // operator
  std::string status = "released";
  std::string held_reason, held_group, policy, message_info, reject_reason;
  std::string detection_level = "moderate";
  int scenario = -1;
};

struct SearchEvent {
  int64_t ts = 0;
  std::string user, description, text, reason;
  int scenario = -1;
};

// Everything one tenant's logs will hold (within one generation chunk).
struct TenantTraffic {
  std::vector<Message> messages;
  std::vector<AvHit> av;
  std::vector<ApVerdict> ap;
  std::vector<ImpVerdict> imp;
  std::vector<UrlClick> clicks;
  std::vector<IepHit> iep;
  std::vector<SpamThread> spam;
  std::vector<DlpEvent> dlp;
  std::vector<AuditEvent> audit;
  std::vector<ReleaseEvent> releases;
  std::vector<SearchEvent> searches;
};

}  // namespace vigil::gen
