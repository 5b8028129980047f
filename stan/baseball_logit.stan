// Baseball, hierarchical logit: hit probabilities pooled on the log-odds scale, non-centred.
// Data:   bball1970 (data/bball1970.csv; Efron & Morris 1975): Hits in 45 early AB, 18 players
// Priors: mu ~ normal(-1, 1); tau ~ half-normal(0, 1); eta ~ normal(0, 1). Hard-coded here.
// Pages:  chapters/02-hierarchical/baseball.md
// PyMC:   chapters/02-hierarchical/baseball.md, `baseball_pymc` (repeats the priors by hand)
//
// Hierarchical binomial model for batting averages on the log-odds scale (non-centred):
//   hits[j] ~ binomial(at_bats[j], inv_logit(mu + tau * eta[j])),  eta[j] ~ normal(0, 1).
data {
  int<lower=1> J;
  array[J] int<lower=0> at_bats;
  array[J] int<lower=0> hits;
}
parameters {
  real mu;                               // population mean log-odds of a hit
  real<lower=0> tau;                     // between-player sd of the log-odds
  vector[J] eta;
}
transformed parameters {
  vector[J] ability = inv_logit(mu + tau * eta);   // each player's probability of a hit
}
model {
  mu ~ normal(-1, 1);                    // batting averages around 0.27, anywhere from 0.1 to 0.6
  tau ~ normal(0, 1);
  eta ~ std_normal();
  hits ~ binomial(at_bats, ability);
}
