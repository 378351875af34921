// corpus.cc: deterministic generation of the benchmark corpora.
#include "bench/ingest/corpus.h"

#include <array>
#include <cstdint>
#include <random>
#include <string_view>

namespace vigil::bench {
namespace {

constexpr std::array<std::string_view, 8> kDomains = {
    "pilot-meadow.b41.one", "mail.example.co.uk",  "news.retail-example.com",
    "corp.example",         "partner.example.org", "bulk.mailer-example.net",
    "hr.example.de",        "login-example.biz"};
constexpr std::array<std::string_view, 6> kSubjects = {
    "Quarterly results",     "RE: contract draft v3", "Your order has shipped",
    "Invoice INV-20931 due", "Team offsite agenda",   "Password expiry notice"};

struct Gen {
  std::mt19937_64 rng{42};
  uint64_t Next() { return rng(); }
  std::string Token(size_t n) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string s(n, 'x');
    for (char& c : s) c = kAlphabet[Next() % 64];
    return s;
  }
  std::string Address() {
    return "user" + std::to_string(Next() % 5000) + "@" +
           std::string(kDomains[Next() % kDomains.size()]);
  }
  std::string Ip() {
    return std::to_string(Next() % 223 + 1) + "." + std::to_string(Next() % 256) + "." +
           std::to_string(Next() % 256) + "." + std::to_string(Next() % 254 + 1);
  }
  std::string_view Subject() { return kSubjects[Next() % kSubjects.size()]; }
};

std::string Common(Gen& g, uint64_t ts) {
  return R"("_offset":)" + std::to_string(g.Next() % 100000) + R"(,"_partition":60,)" +
         R"("accountId":"CUSB4A274","aggregateId":")" + g.Token(22) + "_" +
         std::to_string(ts / 1000) + R"(","messageId":"<)" + g.Token(16) + "@" +
         std::string(kDomains[g.Next() % kDomains.size()]) + R"(>","processingId":")" +
         g.Token(43) + "_" + std::to_string(ts / 1000) + R"(",)";
}

std::string Receipt(Gen& g, uint64_t ts) {
  const std::string sender = g.Address();
  return "{" + Common(g, ts) + R"("action":"Acc","direction":"Inbound","numberAttachments":"1",)" +
         R"("receiptErrors":null,"recipients":")" + g.Address() +
         R"(","rejectionCode":null,"rejectionInfo":null,"rejectionType":null,"senderEnvelope":")" +
         sender + R"(","senderHeader":")" + sender + R"(","senderIp":")" + g.Ip() +
         R"(","spamDetectionLevel":"7","spamInfo":"[]","spamProcessingDetail":"{\"spf\":{\"allow\":true,\"info\":\"ALLOW\"},\"dkim\":{\"allow\":true,\"info\":\"UNKNOWN\"}}","spamScore":")" +
         std::to_string(g.Next() % 30) + R"(","subject":")" + std::string(g.Subject()) +
         R"(","subtype":"Acc","timestamp":)" + std::to_string(ts) +
         R"(,"tlsCipher":"TLS_AES_256_GCM_SHA384","tlsVersion":"TLSv1.3","type":"receipt","virusFound":null})";
}

std::string Process(Gen& g, uint64_t ts) {
  return "{" + Common(g, ts) + R"("action":"Hld","attachments":"\"invoice-)" + g.Token(8) +
         R"(.pdf\"","emailSize":")" + std::to_string(g.Next() % 90000 + 2000) +
         R"(","holdReason":"Spm","numberAttachments":"1","senderEnvelope":")" + g.Address() +
         R"(","subject":")" + std::string(g.Subject()) + R"(","subtype":"Hld","timestamp":)" +
         std::to_string(ts) + R"(,"totalSizeAttachments":"1153","type":"process"})";
}

std::string Delivery(Gen& g, uint64_t ts) {
  return "{" + Common(g, ts) + R"("Hostname":"mx)" + std::to_string(g.Next() % 9) +
         R"(.example.net","delivered":"true","deliveryAttempts":"1","deliveryErrors":null,)" +
         R"("deliveryTime":")" + std::to_string(g.Next() % 3000) + R"(","destinationIp":")" +
         g.Ip() + R"(","direction":"Outbound","emailSize":"31363","numberAttachments":"0",)" +
         R"("recipients":")" + g.Address() +
         R"(","route":"Office 365 Outbound","senderEnvelope":")" + g.Address() +
         R"(","subject":")" + std::string(g.Subject()) + R"(","subtype":"true","timestamp":)" +
         std::to_string(ts) +
         R"(,"tlsCipher":null,"tlsUsed":"Yes","tlsVersion":"TLSv1.2","type":"delivery"})";
}

std::string Spam(Gen& g, uint64_t ts) {
  const std::string sender = g.Address();
  return "{" + Common(g, ts) + R"("recipients":")" + g.Address() +
         R"(","route":"Inbound","senderDomain":")" + sender.substr(sender.find('@') + 1) +
         R"(","senderEnvelope":")" + sender + R"(","senderHeader":")" + sender +
         R"(","senderIp":")" + g.Ip() + R"(","subject":")" + std::string(g.Subject()) +
         R"(","subtype":null,"timestamp":)" + std::to_string(ts) + R"(,"type":"spam"})";
}

std::string Journal(Gen& g, uint64_t ts) {
  return R"({"_offset":)" + std::to_string(g.Next() % 100000) +
         R"(,"_partition":60,"accountId":"CUSB4A274","aggregateId":")" + g.Token(22) +
         R"(","direction":"Internal","processingId":")" + g.Token(43) + R"(","recipients":")" +
         g.Address() + R"(","senderEnvelope":")" + g.Address() +
         R"(","subtype":null,"timestamp":)" + std::to_string(ts) + R"(,"type":"journal"})";
}

std::string Kv(Gen& g, uint64_t i) {
  const std::string acode = g.Token(22);
  const std::string head = "datetime=2024-11-13T11:" + std::to_string(10 + i % 50) +
                           ":43+0100|aCode=" + acode + "|acc=C0A0|MsgId=<" + g.Token(16) +
                           "@corp.example>|Subject=\\" + std::string(g.Subject()) + " | FY24\\|";
  switch (i % 3) {
    case 0:
      return head + "SpamLimit=28|IP=" + g.Ip() + "|Dir=Inbound|headerFrom=" + g.Address() +
             "|Sender=" + g.Address() + "|Rcpt=" + g.Address() +
             "|SpamInfo=[]|Act=Acc|TlsVer=TLSv1.2|Cphr=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384|"
             "SpamProcessingDetail={\"spf\":{\"info\":\"SPF_FAIL\",\"allow\":true}}|SpamScore=3\n";
    case 1:
      return head +
             "Act=Hld|Hld=Spm|AttCnt=1|AttNames=\"a.pdf\"|AttSize=1267|MsgSize=2116|Sender=" +
             g.Address() + "\n";
    default:
      return head + "Delivered=true|IP=" + g.Ip() + "|Dir=Outbound|Rcpt=" + g.Address() +
             "|Sender=" + g.Address() +
             "|Attempt=1|Latency=505|Snt=28237|UseTls=Yes|Route=Office365|TlsVer=TLSv1.2\n";
  }
}

}  // namespace

std::string Api2Ndjson(size_t n) {
  Gen g;
  std::string out;
  out.reserve(n * 560);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t ts = 1731499059314 + i * 37;
    // The type mix of the public API 2.0 sample: receipt, process, delivery, spam, journal.
    const uint64_t pick = g.Next() % 20;
    out += pick < 5    ? Receipt(g, ts)
           : pick < 8  ? Process(g, ts)
           : pick < 13 ? Delivery(g, ts)
           : pick < 16 ? Spam(g, ts)
                       : Journal(g, ts);
    out.push_back('\n');
  }
  return out;
}

std::string Api1Kv(size_t n) {
  Gen g;
  std::string out;
  out.reserve(n * 400);
  for (size_t i = 0; i < n; ++i) out += Kv(g, i);
  return out;
}

std::string Api1JsonBody(size_t n) {
  Gen g;
  std::string out = R"({"type":"MTA","data":[)";
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out.push_back(',');
    out +=
        R"({"acc":"C0A0","SpamLimit":28,"IP":")" + g.Ip() + R"(","Dir":"Outbound","Subject":")" +
        std::string(g.Subject()) + R"(","MsgId":"<)" + g.Token(16) +
        R"(@corp.example>","headerFrom":")" + g.Address() + R"(","Sender":")" + g.Address() +
        R"(","datetime":"2022-05-23T12:20:44-0400","Rcpt":")" + g.Address() +
        R"(","SpamInfo":"[]","Act":"Acc","TlsVer":"TLSv1.2","Cphr":"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384","aCode":")" +
        g.Token(22) + R"(","SpamScore":0})";
  }
  out += "]}";
  return out;
}

}  // namespace vigil::bench
