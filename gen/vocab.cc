// vocab.cc: the word lists of vocab.h.
#include "gen/vocab.h"

namespace vigil::gen::vocab {
namespace {

using SV = std::string_view;

constexpr SV kFirst[] = {
    "james",     "mary",       "robert",    "patricia", "john",      "jennifer",  "michael",
    "linda",     "david",      "elizabeth", "william",  "barbara",   "richard",   "susan",
    "joseph",    "jessica",    "thomas",    "sarah",    "charles",   "karen",     "daniel",
    "lisa",      "matthew",    "nancy",     "anthony",  "betty",     "mark",      "sandra",
    "donald",    "ashley",     "steven",    "kimberly", "paul",      "emily",     "andrew",
    "donna",     "joshua",     "michelle",  "kenneth",  "carol",     "kevin",     "amanda",
    "brian",     "melissa",    "george",    "deborah",  "timothy",   "stephanie", "ronald",
    "rebecca",   "jason",      "laura",     "edward",   "helen",     "jeffrey",   "sharon",
    "ryan",      "cynthia",    "jacob",     "kathleen", "gary",      "amy",       "nicholas",
    "angela",    "eric",       "anna",      "jonathan", "ruth",      "stephen",   "brenda",
    "larry",     "pamela",     "justin",    "nicole",   "scott",     "katherine", "brandon",
    "samantha",  "benjamin",   "christine", "samuel",   "emma",      "gregory",   "catherine",
    "alexander", "debra",      "patrick",   "rachel",   "frank",     "carolyn",   "raymond",
    "janet",     "jack",       "maria",     "dennis",   "olivia",    "jerry",     "heather",
    "tyler",     "diane",      "aaron",     "julie",    "jose",      "joyce",     "adam",
    "victoria",  "nathan",     "kelly",     "henry",    "christina", "zachary",   "lauren",
    "douglas",   "joan",       "peter",     "evelyn",   "kyle",      "judith",    "noah",
    "megan",     "ethan",      "andrea",    "jeremy",   "cheryl",    "walter",    "hannah",
    "christian", "jacqueline", "keith",     "martha",   "roger",     "gloria",    "terry",
    "teresa",    "austin",     "ann",       "sean",     "sara",      "gerald",    "madison",
    "carl",      "frances",    "harold",    "kathryn",  "dylan",     "janice",    "arthur",
    "jean",      "lawrence",   "abigail",   "jordan",   "alice",     "jesse",     "judy",
    "bryan",     "sophia",     "billy",     "grace",    "bruce",     "denise",    "gabriel",
    "amber",     "joe",        "doris",     "logan",    "marilyn",   "alan",      "danielle",
    "juan",      "beverly",    "albert",    "isabella", "willie",    "theresa",   "elijah",
    "diana",     "wayne",      "natalie",   "randy",    "brittany",  "vincent",   "charlotte",
    "mason",     "marie",      "roy",       "kayla",    "ralph",     "alexis",    "bobby",
    "lori",      "russell",    "priya",     "oliver",   "ingrid",    "lars",      "sofia",
    "mateo",     "yuki",       "chen",      "fatima",   "omar",      "lena",      "tomas",
    "aisha",     "ravi",       "mei",       "hugo",     "elena"};

constexpr SV kLast[] = {
    "smith",    "johnson",   "williams",   "brown",     "jones",      "garcia",    "miller",
    "davis",    "rodriguez", "martinez",   "hernandez", "lopez",      "gonzalez",  "wilson",
    "anderson", "thomas",    "taylor",     "moore",     "jackson",    "martin",    "lee",
    "perez",    "thompson",  "white",      "harris",    "sanchez",    "clark",     "ramirez",
    "lewis",    "robinson",  "walker",     "young",     "allen",      "king",      "wright",
    "scott",    "torres",    "nguyen",     "hill",      "flores",     "green",     "adams",
    "nelson",   "baker",     "hall",       "rivera",    "campbell",   "mitchell",  "carter",
    "roberts",  "gomez",     "phillips",   "evans",     "turner",     "diaz",      "parker",
    "cruz",     "edwards",   "collins",    "reyes",     "stewart",    "morris",    "morales",
    "murphy",   "cook",      "rogers",     "gutierrez", "ortiz",      "morgan",    "cooper",
    "peterson", "bailey",    "reed",       "kelly",     "howard",     "ramos",     "kim",
    "cox",      "ward",      "richardson", "watson",    "brooks",     "chavez",    "wood",
    "james",    "bennett",   "gray",       "mendoza",   "ruiz",       "hughes",    "price",
    "alvarez",  "castillo",  "sanders",    "patel",     "myers",      "long",      "ross",
    "foster",   "jimenez",   "powell",     "jenkins",   "perry",      "russell",   "sullivan",
    "bell",     "coleman",   "butler",     "henderson", "barnes",     "gonzales",  "fisher",
    "vasquez",  "simmons",   "romero",     "jordan",    "patterson",  "alexander", "hamilton",
    "graham",   "reynolds",  "griffin",    "wallace",   "moreno",     "west",      "cole",
    "hayes",    "bryant",    "herrera",    "gibson",    "ellis",      "tran",      "medina",
    "aguilar",  "stevens",   "murray",     "ford",      "castro",     "marshall",  "owens",
    "harrison", "fernandez", "mcdonald",   "woods",     "washington", "kennedy",   "wells",
    "vargas",   "henry",     "chen",       "freeman",   "webb",       "tucker",    "guzman",
    "burns",    "crawford",  "olson",      "simpson",   "porter",     "hunter",    "gordon",
    "mendez",   "silva",     "shaw",       "snyder",    "mason",      "dixon",     "munoz",
    "hunt",     "hicks",     "holmes",     "palmer",    "wagner",     "black",     "robertson",
    "boyd",     "rose",      "stone",      "salazar",   "fox",        "warren",    "mills",
    "meyer",    "rice",      "schmidt",    "garza",     "daniels",    "ferguson",  "nichols",
    "stephens", "soto",      "weaver",     "ryan",      "gardner",    "payne",     "grant",
    "dunn",     "kowalski",  "lindqvist",  "okafor",    "tanaka",     "novak",     "haddad",
    "iyer",     "larsen",    "dubois",     "rossi",     "schneider",  "yamamoto",  "nakamura"};

constexpr SV kStems[] = {
    "harborline",  "northwind",  "bluepeak",    "cedarbrook",  "ironwood",    "silverlake",
    "redfern",     "oakhaven",   "brightwater", "stonebridge", "clearfield",  "highgate",
    "westmarch",   "eastbourne", "goldcrest",   "pinecone",    "riverside",   "sunfield",
    "mapleton",    "greystone",  "larkspur",    "falconer",    "thornbury",   "quillfeather",
    "copperleaf",  "hollowell",  "kestrel",     "marlowe",     "ashcombe",    "juniper",
    "bramblewood", "fairhaven",  "windermere",  "saltmarsh",   "ravenscroft", "tidewater",
    "summit",      "meridian",   "vantage",     "keystone",    "pinnacle",    "horizon",
    "evergreen",   "lighthouse", "crossroads",  "bellwether",  "wildflower",  "blackstone",
    "whitmore",    "alderney",   "brookhaven",  "carrington",  "dunmore",     "elmsworth",
    "foxglove",    "glenmore",   "hartwell",    "inverness",   "kingsley",    "lockwood",
    "moorfield",   "newhaven",   "orchard",     "pemberton",   "queensbury",  "rosewood",
    "sherwood",    "trentham",   "underhill",   "valemont",    "waverley",    "yarrow",
    "zephyr",      "amberly",    "birchwood",   "cobalt",      "driftwood",   "emberton",
    "fernhill",    "granite",    "heathrow",    "ivybridge",   "jasper",      "kirkwood",
    "lindenhurst", "millbrook",  "northgate",   "oakridge",    "portland",    "quarry",
    "rockport",    "seabright",  "tallpine",    "upland",      "violet",      "woodstock",
    "aurora",      "beacon",     "canyon",      "delta",       "ember",       "frontier",
    "glacier",     "harvest",    "island",      "jetstream",   "kite",        "lantern",
    "mosaic",      "nimbus",     "opal",        "prairie",     "quartz",      "ridgeline",
    "sierra",      "timber",     "unity",       "voyager",     "willow",      "apex",
    "bridgeport",  "catalyst",   "dynamo",      "echo",        "fulcrum",     "gateway",
    "helix",       "insight",    "jubilee",     "kinetic",     "lumen",       "momentum",
    "nexus",       "orbit",      "paragon",     "radiant",     "sterling",    "trident",
    "ultra",       "vector",     "wavelength",  "axiom",       "boulder",     "citadel",
    "dominion",    "elevate",    "fusion",      "garnet",      "haven",       "icon",
    "javelin",     "kingfisher", "legacy",      "monarch",     "noble",       "oasis",
    "pioneer",     "regent",     "spectrum",    "titan",       "venture",     "wisdom"};

constexpr SV kKinds[] = {"logistics", "partners",  "health",   "capital",  "energy",
                         "foods",     "labs",      "systems",  "group",    "consulting",
                         "legal",     "insurance", "holdings", "media",    "robotics",
                         "freight",   "pharma",    "bank",     "realty",   "analytics",
                         "supply",    "marine",    "clinic",   "software", "ventures"};

constexpr SV kTlds[] = {"com", "com", "com",    "com", "net", "co.uk", "de",
                        "io",  "org", "com.au", "fr",  "nl",  "ca"};

constexpr SV kFreemail[] = {"gmail.com",  "outlook.com", "hotmail.com", "yahoo.com",
                            "icloud.com", "aol.com",     "gmx.com",     "proton.me",
                            "web.de",     "mail.com",    "live.com",    "zoho.com"};

constexpr SV kBulk[] = {"news",   "newsletter", "marketing", "offers", "updates",
                        "events", "insights",   "digest",    "promo",  "community"};
constexpr SV kNoReply[] = {"noreply", "no-reply",     "notifications", "alerts",   "billing",
                           "support", "do-not-reply", "invoices",      "accounts", "service"};

constexpr SV kDepartments[] = {
    "Sales", "Engineering", "Operations",  "Marketing", "Support",          "Legal",
    "HR",    "IT",          "Procurement", "Finance",   "Accounts Payable", "Executive"};

constexpr SV kBusiness[] = {"Re: {x} proposal",
                            "Meeting notes - {x}",
                            "Updated timeline for {x}",
                            "Quote request: {x}",
                            "Follow-up on our call",
                            "Contract draft for review",
                            "{x} - next steps",
                            "Shipment schedule update",
                            "Purchase order {n}",
                            "Invoice {n} attached",
                            "Statement of work - {x}",
                            "Question about {x}",
                            "Agenda for Thursday",
                            "Revised pricing",
                            "Introduction: {x} team",
                            "RFP clarification questions",
                            "Signed NDA",
                            "Delivery confirmation {n}",
                            "Project {x} status",
                            "Training session follow-up"};
constexpr SV kInternal[] = {
    "{x} weekly sync",          "Lunch on Friday?",      "Draft deck for {x}",
    "Reminder: timesheets due", "Quick question",        "Out of office next week",
    "Budget review {x}",        "Team offsite planning", "Fwd: customer escalation",
    "Notes from all-hands",     "Re: {x} rollout",       "Updated org chart",
    "Expense report {n}",       "Onboarding checklist",  "Can you review this?"};
constexpr SV kNewsletter[] = {"Your weekly digest",   "This week in {x}",
                              "Last chance: 20% off", "New webinar: {x} best practices",
                              "Product update - {x}", "Invitation: industry summit",
                              "Top stories for you",  "Your monthly report is ready",
                              "Save the date",        "What's new this month"};
constexpr SV kNotification[] = {"Your invoice is available",     "Password will expire soon",
                                "New sign-in to your account",   "Your order has shipped",
                                "Payment received - thank you",  "Document shared with you: {x}",
                                "Your subscription renews soon", "Ticket {n} updated",
                                "Scheduled maintenance notice",  "Delivery attempt notification"};
constexpr SV kSpam[] = {
    "You have won a prize!!!",      "Cheap meds online",        "Make money from home",
    "Exclusive crypto opportunity", "Lose weight fast",         "Urgent business proposal",
    "Your account needs attention", "Hot singles in your area", "Limited time: luxury watches",
    "Claim your reward now"};
constexpr SV kPersonal[] = {
    "Question about my order", "Job application - {x}", "Following up on our conversation",
    "Meeting next week?",      "Thanks for your help",  "Feedback on the {x} event",
    "Can we reschedule?",      "Photos from {x}",       "Volunteer day sign-up",
    "Reference request"};
constexpr SV kReplyPrefixes[] = {"", "", "", "Re: ", "RE: ", "Fwd: ", "FW: "};
constexpr SV kTopics[] = {"Q3",          "Project Atlas", "onboarding",  "Orion",
                          "the merger",  "Northstar",     "migration",   "budget 2025",
                          "Phoenix",     "the audit",     "renewal",     "Cascade",
                          "data center", "Helios",        "EMEA launch", "compliance"};

constexpr SV kDocStems[] = {"proposal",  "invoice",    "report",        "agenda",    "minutes",
                            "contract",  "quote",      "presentation",  "budget",    "forecast",
                            "statement", "brochure",   "specification", "timesheet", "roadmap",
                            "summary",   "price-list", "floorplan",     "photo",     "scan"};

constexpr SV kUrlPaths[] = {"/products",        "/blog/post",      "/events/register",
                            "/account/login",   "/docs/guide",     "/pricing",
                            "/news/article",    "/support/ticket", "/webinar",
                            "/download/report", "/careers",        "/survey"};

constexpr SV kUrlCategories[] = {
    "Business", "Computers & Technology", "Reference", "News & Media", "Finance", "Shopping",
    "Travel",   "Fashion & Beauty"};

constexpr Cipher kCiphers[] = {{"TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"},
                               {"TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"},
                               {"TLSv1.3", "TLS_AES_256_GCM_SHA384"},
                               {"TLSv1.3", "TLS_AES_256_GCM_SHA384"},
                               {"TLSv1.3", "TLS_AES_128_GCM_SHA256"},
                               {"TLSv1", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"}};

constexpr SV kInboundRoutes[] = {"Office 365 Inbound Routing Policy Definition", "Office365",
                                 "Mimecast Exchange Route"};
constexpr SV kOutboundRoutes[] = {"Outbound", "Default Outbound Route"};

}  // namespace

Words FirstNames() { return kFirst; }
Words LastNames() { return kLast; }
Words CompanyStems() { return kStems; }
Words CompanyKinds() { return kKinds; }
Words CorporateTlds() { return kTlds; }
Words Freemail() { return kFreemail; }
Words BulkLocals() { return kBulk; }
Words NoReplyLocals() { return kNoReply; }
Words Departments() { return kDepartments; }
Words BusinessSubjects() { return kBusiness; }
Words InternalSubjects() { return kInternal; }
Words NewsletterSubjects() { return kNewsletter; }
Words NotificationSubjects() { return kNotification; }
Words SpamSubjects() { return kSpam; }
Words PersonalSubjects() { return kPersonal; }
Words ReplyPrefixes() { return kReplyPrefixes; }
Words SubjectTopics() { return kTopics; }
Words DocumentStems() { return kDocStems; }
Words UrlPaths() { return kUrlPaths; }
Words BenignUrlCategories() { return kUrlCategories; }
std::span<const Cipher> Ciphers() { return kCiphers; }
Words InboundRoutes() { return kInboundRoutes; }
Words OutboundRoutes() { return kOutboundRoutes; }

}  // namespace vigil::gen::vocab
