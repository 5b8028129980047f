// Baseball, hierarchical logit: hit probabilities pooled on the log-odds scale, non-centred.
// Data:   bball1970 (data/bball1970.csv; Efron & Morris 1975): Hits in 45 early AB, 18 players
// Priors: mu ~ normal(mu_loc, mu_scale); tau ~ half-normal(0, tau_scale); u ~ normal(0, tau).
//         mu_loc, mu_scale and tau_scale are data (the notebook's PRIORS dict): mu_loc = -1,
//         mu_scale = 1, tau_scale = 1.
// Pages:  chapters/02-hierarchical/baseball.md
// PyMC:   chapters/02-hierarchical/baseball.md, `baseball_pymc` (reads the same PRIORS dict)
//
// Hierarchical binomial model for batting averages on the log-odds scale:
//   hits[j] ~ binomial(at_bats[j], inv_logit(theta[j])),  theta[j] = mu + u[j],
//   u[j] ~ normal(0, tau),
// non-centred by declaring the deviations u with multiplier=tau: Stan samples u / tau.
// (Declaring theta with offset=mu instead would make Stan compute theta - mu, which loses
// all precision when a chain wanders to a tau near 1e-17 early in warmup; the chain can
// then stay stuck there. The seed sweep caught that.)
data {
  int<lower=1> J;
  array[J] int<lower=0> at_bats;
  array[J] int<lower=0> hits;
  real mu_loc;                           // prior mean of the league's log-odds of a hit
  real<lower=0> mu_scale;                // and its prior sd
  real<lower=0> tau_scale;               // half-normal scale of the between-player sd
}
parameters {
  real mu;                               // population mean log-odds of a hit
  real<lower=0> tau;                     // between-player sd of the log-odds
  vector<multiplier=tau>[J] u;           // each player's deviation from mu, non-centred
}
transformed parameters {
  vector[J] theta = mu + u;              // each player's log-odds of a hit
  vector[J] ability = inv_logit(theta);  // each player's probability of a hit
}
model {
  // mu_loc = -1, mu_scale = 1: batting averages around 0.27, anywhere from 0.1 to 0.6
  mu ~ normal(mu_loc, mu_scale);
  tau ~ normal(0, tau_scale);
  u ~ normal(0, tau);
  hits ~ binomial(at_bats, ability);
}
