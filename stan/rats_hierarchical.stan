// Rat tumours, hierarchical beta-binomial (BDA 5.3): tumour rates pooled across experiments.
// Data:   rat_tumors (data/rat_tumors.csv; Tarone 1982, BDA Table 5.1): 71 experiments;
//         surgical_mortality (data/surgical_mortality.csv; Spiegelhalter et al. 1996) in
//         exercise rats-ex-surgery
// Priors: phi ~ uniform(0, 1) (implied by its bounds); kappa ~ pareto(kappa_min, kappa_shape);
//         theta ~ beta(alpha, beta). kappa_min and kappa_shape are data: kappa_min = 0.1,
//         kappa_shape = 0.5 in every fit (the notebook's PRIORS dict).
// Pages:  chapters/02-hierarchical/rat-tumours.md
// PyMC:   chapters/02-hierarchical/rat-tumours.md, `rats_pymc` (reads the same PRIORS dict)
//
// Hierarchical beta-binomial model for the rat tumour experiments (BDA 5.3).
//
//   y[j] ~ binomial(K[j], theta[j]),   theta[j] ~ beta(phi * kappa, (1 - phi) * kappa)
//
// The population of tumour rates is described by its mean phi and its concentration
// kappa = alpha + beta (a prior "sample size"). BDA's hyperprior p(alpha, beta) is
// proportional to (alpha + beta)^(-5/2); in (phi, kappa) it is uniform on phi and
// proportional to kappa^(-3/2), that is Pareto(kappa_min, 0.5): proper once kappa is kept
// above a small kappa_min (0.1 here, far below anything the data support).
data {
  int<lower=1> J;                        // experiments
  array[J] int<lower=0> K;               // rats in each experiment
  array[J] int<lower=0> y;               // rats with tumours
  real<lower=0> kappa_min;               // Pareto hyperprior: lower bound of kappa
  real<lower=0> kappa_shape;             // and its shape (0.5 gives BDA's hyperprior)
}
parameters {
  real<lower=0, upper=1> phi;            // population mean tumour rate
  real<lower=kappa_min> kappa;           // population concentration, alpha + beta
  vector<lower=0, upper=1>[J] theta;     // each experiment's own tumour rate
}
transformed parameters {
  real<lower=0> alpha = phi * kappa;
  real<lower=0> beta = (1 - phi) * kappa;
}
model {
  // with kappa_shape = 0.5 and phi uniform: p(alpha, beta) ~ (alpha + beta)^(-5/2)
  kappa ~ pareto(kappa_min, kappa_shape);
  theta ~ beta(alpha, beta);
  y ~ binomial(K, theta);
}
generated quantities {
  real population_sd = sqrt(phi * (1 - phi) / (kappa + 1));   // sd of tumour rates across experiments
  array[J] int y_rep = binomial_rng(K, theta);
}
