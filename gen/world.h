// world.h: builds the simulated world from the seed: K tenants (account codes, org domains,
// users with VIPs, finance staff and administrators, partners, IPs) and the population of
// outside organisations that mail them, ranked by popularity. Outside domains are kept far
// from every tenant and partner domain so that benign traffic never looks like a lookalike.
#pragma once

#include <cstdint>
#include <string>

#include "gen/model.h"
#include "gen/prng.h"

namespace vigil::gen {

World BuildWorld(Rng& rng, int tenants);

// Damerau (optimal string alignment) distance between the confusable-folded forms of two
// domains' first labels ("paypa1" vs "paypal" is 0); what "far from" means above.
int LookalikeDistance(const std::string& a, const std::string& b);

// "Mary" from "mary".
std::string Capitalize(std::string s);
// ASCII lower case.
std::string Lower(std::string s);

}  // namespace vigil::gen
