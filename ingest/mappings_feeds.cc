// mappings_feeds.cc: mapping tables of the per-feed logs that are not MTA lines: TTP URL,
// Attachment and Impersonation Protect logs, DLP, audit, message release, archive search and
// rejection logs. Source: ../shared/research/mimecast.md §1.5-1.12; targets: schema/fields.def.
#include "ingest/mappings.h"

namespace vigil::ingest::mappings {
namespace {

using C = Coerce;
using F = schema::FieldId;

constexpr KeyRule kTtpUrl[] = {
    {"date", F::kTs, C::kTimestamp},
    {"userEmailAddress", F::kRecipients, C::kRecipients},
    {"fromUserEmailAddress", F::kSender, C::kSender},
    {"url", F::kUrl, C::kUrl},
    {"ttpDefinition", F::kPolicy, C::kString},
    {"subject", F::kSubject, C::kString},
    {"messageId", F::kMessageId, C::kString},
    {"action", F::kAction, C::kAction},
    {"actions", F::kNone, C::kIgnore},
    {"adminOverride", F::kAdminOverride, C::kString},
    {"userOverride", F::kUserOverride, C::kString},
    {"userAwarenessAction", F::kUserAwarenessAction, C::kString},
    {"scanResult", F::kScanResult, C::kLower},
    {"category", F::kUrlCategory, C::kString},
    {"sendingIp", F::kSenderIp, C::kIp},
    {"route", F::kDirection, C::kDirection},
    {"creationMethod", F::kCreationMethod, C::kString},
    {"emailPartsDescription", F::kEmailParts, C::kStringArray},
    {"tagMap", F::kAnalysisTags, C::kTagMap},
    {"tagMap_UrlReputationScan_Type", F::kAnalysisTags, C::kStringArray},
    {"tagMap_UrlReputationScan_UrlBlock", F::kNone, C::kIgnore},
    {"TimeGenerated", F::kNone, C::kIgnore},
    {"_ResourceId", F::kNone, C::kIgnore},
};

constexpr KeyRule kTtpAttachment[] = {
    {"date", F::kTs, C::kTimestamp},
    {"senderAddress", F::kSender, C::kSender},
    {"recipientAddress", F::kRecipients, C::kRecipients},
    {"fileName", F::kFileName, C::kFileName},
    {"fileType", F::kFileMime, C::kString},
    {"fileHash", F::kFileSha256, C::kHash},
    {"result", F::kScanResult, C::kLower},
    {"actionTriggered", F::kActionTriggered, C::kString},
    {"details", F::kDetails, C::kString},
    {"route", F::kDirection, C::kDirection},
    {"messageId", F::kMessageId, C::kString},
    {"subject", F::kSubject, C::kString},
    {"definition", F::kPolicy, C::kString},
    {"TimeGenerated", F::kNone, C::kIgnore},
    {"_ResourceId", F::kNone, C::kIgnore},
};

constexpr KeyRule kTtpImpersonation[] = {
    {"eventTime", F::kTs, C::kTimestamp},
    {"id", F::kEventId, C::kString},
    {"senderAddress", F::kSender, C::kSender},
    {"recipientAddress", F::kRecipients, C::kRecipients},
    {"senderIpAddress", F::kSenderIp, C::kIp},
    {"subject", F::kSubject, C::kString},
    {"messageId", F::kMessageId, C::kString},
    {"definition", F::kPolicy, C::kString},
    {"hits", F::kHits, C::kInt},
    {"identifiers", F::kIdentifiers, C::kIdentifiers},
    {"action", F::kAction, C::kAction},
    {"taggedExternal", F::kTaggedExternal, C::kBool},
    {"taggedMalicious", F::kTaggedMalicious, C::kBool},
    {"impersonationResults", F::kSimilarDomain, C::kImpResults},
    {"TimeGenerated", F::kNone, C::kIgnore},
    {"_ResourceId", F::kNone, C::kIgnore},
};

constexpr KeyRule kDlp[] = {
    {"eventTime", F::kTs, C::kTimestamp},
    {"senderAddress", F::kSender, C::kSender},
    {"recipientAddress", F::kRecipients, C::kRecipients},
    {"subject", F::kSubject, C::kString},
    {"route", F::kDirection, C::kDirection},
    {"policy", F::kPolicy, C::kString},
    {"action", F::kAction, C::kAction},
    {"messageId", F::kMessageId, C::kString},
    {"TimeGenerated", F::kNone, C::kIgnore},
    {"_ResourceId", F::kNone, C::kIgnore},
};

constexpr KeyRule kAudit[] = {
    {"eventTime", F::kTs, C::kTimestamp},        {"id", F::kEventId, C::kString},
    {"auditType", F::kAuditType, C::kString},    {"user", F::kUser, C::kUser},
    {"eventInfo", F::kAuditInfo, C::kAuditInfo}, {"category", F::kAuditCategory, C::kString},
    {"TimeGenerated", F::kNone, C::kIgnore},     {"_ResourceId", F::kNone, C::kIgnore},
};

constexpr KeyRule kRelease[] = {
    {"released", F::kTs, C::kTimestamp},
    {"id", F::kEventId, C::kString},
    {"status", F::kAction, C::kAction},
    {"operator", F::kUser, C::kUser},
    {"fromEnv", F::kSender, C::kSender},
    {"fromHdr", F::kFrom, C::kFrom},
    {"to", F::kRecipients, C::kRecipients},
    {"subject", F::kSubject, C::kString},
    {"route", F::kDirection, C::kDirection},
    {"size", F::kSize, C::kInt},
    {"attachments", F::kHasAttachments, C::kBool},
    {"policy", F::kPolicy, C::kString},
    {"heldReason", F::kHoldReason, C::kHoldReason},
    {"heldGroup", F::kHeldGroup, C::kString},
    {"messageInfo", F::kMessageInfo, C::kString},
    {"rejectReason", F::kRejectInfo, C::kString},
    {"detectionLevel", F::kSpamDetectionLevel, C::kString},
    {"spamScore", F::kSpamScore, C::kInt},
    {"spamProcessingDetail", F::kAuthSpf, C::kSpamDetail},
};

constexpr KeyRule kArchiveSearch[] = {
    {"createTime", F::kTs, C::kTimestamp},
    {"emailAddr", F::kUser, C::kUser},
    {"source", F::kSource, C::kString},
    {"searchText", F::kSearchText, C::kString},
    {"searchReason", F::kSearchReason, C::kString},
    {"description", F::kSearchDescription, C::kString},
    {"searchPath", F::kSearchPath, C::kString},
};

constexpr KeyRule kRejection[] = {
    {"created", F::kTs, C::kTimestamp},
    {"id", F::kEventId, C::kString},
    {"fromAddress", F::kSender, C::kSender},
    {"toAddress", F::kRecipients, C::kRecipients},
    {"description", F::kRejectType, C::kString},
    {"info", F::kRejectInfo, C::kString},
    {"ipAddress", F::kSenderIp, C::kIp},
    {"remoteName", F::kRemoteHost, C::kString},
    {"remoteEhlo", F::kHelo, C::kString},
    {"spamScore", F::kSpamScore, C::kInt},
    {"detectionLevel", F::kSpamDetectionLevel, C::kString},
    {"type", F::kNone, C::kIgnore},
    {"toAddressPreCheck", F::kNone, C::kIgnore},
    {"toAddressPostCheck", F::kNone, C::kIgnore},
    {"manageRecipient", F::kNone, C::kIgnore},
};

}  // namespace

std::span<const KeyRule> TtpUrl() { return kTtpUrl; }
std::span<const KeyRule> TtpAttachment() { return kTtpAttachment; }
std::span<const KeyRule> TtpImpersonation() { return kTtpImpersonation; }
std::span<const KeyRule> Dlp() { return kDlp; }
std::span<const KeyRule> Audit() { return kAudit; }
std::span<const KeyRule> Release() { return kRelease; }
std::span<const KeyRule> ArchiveSearch() { return kArchiveSearch; }
std::span<const KeyRule> Rejection() { return kRejection; }

}  // namespace vigil::ingest::mappings
