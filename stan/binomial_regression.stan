// Binomial regression: logit, probit or cloglog link, with optional varying intercepts.
// Data:   wells (data/wells.csv; Gelman & Hill 2007, ch. 5): switching wells in glm.md;
//         cbpp (data/cbpp.csv; Lesnoff et al. 2004): herds and periods in
//         multilevel-logistic.md
// Priors: alpha ~ normal(alpha_loc, alpha_scale); beta ~ normal(0, beta_scale);
//         tau ~ half-normal(0, tau_scale); a ~ normal(0, tau). All data. glm.md (dict
//         PRIORS): alpha_loc = 0, alpha_scale = 1.5, beta_scale = 1 for each slope.
//         multilevel-logistic.md (dict PRIORS): alpha_loc = 0, alpha_scale = 1.5,
//         beta_scale = 1.5 for each period, tau_scale = 1.
// Pages:  chapters/04-glmm/glm.md, chapters/04-glmm/multilevel-logistic.md
// PyMC:   chapters/04-glmm/glm.md, `wells_pymc` (logit link, reads the dict PRIORS);
//         chapters/04-glmm/multilevel-logistic.md, `cbpp_pymc` (reads the dict PRIORS)
//
// A generalised linear model for y[i] successes in trials[i] attempts:
//
//   y[i] ~ binomial(trials[i], p[i]),   g(p[i]) = alpha + a[group[i]] + X[i] * beta,
//
// with the link g chosen by the data flag `link` (1 logit, 2 probit, 3 complementary
// log-log). With J = 0 there are no groups: the plain GLM of glm.md. With J > 0 every
// group has its own intercept deviation a[j] ~ normal(0, tau), non-centred by its
// multiplier (multilevel-logistic.md). Rows flagged `held_out` are left out of the
// likelihood but get a log_lik, for exact leave-one-out refits. `pointwise = 1` returns
// log_lik and replicated data y_rep for every row (0 saves writing N x draws numbers).
functions {
  // the inverse link: linear predictor -> probability
  vector inverse_link(vector eta, int link) {
    if (link == 1) {
      return inv_logit(eta);
    } else if (link == 2) {
      return Phi(eta);
    }
    return inv_cloglog(eta);
  }
}
data {
  int<lower=1> N;
  int<lower=0> K;                          // predictors (columns of X)
  matrix[N, K] X;
  array[N] int<lower=1> trials;
  array[N] int<lower=0> y;                 // successes, at most trials
  int<lower=1, upper=3> link;              // 1 logit, 2 probit, 3 complementary log-log
  int<lower=0> J;                          // groups; 0 for none
  array[N] int<lower=0, upper=J> group;    // 1..J (all 0 when J = 0)
  array[N] int<lower=0, upper=1> held_out; // 1: not in the likelihood
  real alpha_loc;
  real<lower=0> alpha_scale;
  vector<lower=0>[K] beta_scale;           // prior sd of each slope (prior mean 0)
  real<lower=0> tau_scale;                 // half-normal scale of the between-group sd
  int<lower=0, upper=1> pointwise;         // 1: return log_lik and y_rep
}
transformed data {
  int G = J > 0;                           // 1 if the model has varying intercepts
  array[N - sum(held_out)] int fitted;     // the rows in the likelihood
  {
    int k = 1;
    for (i in 1:N) {
      if (!held_out[i]) {
        fitted[k] = i;
        k += 1;
      }
    }
  }
}
parameters {
  real alpha;                              // the intercept (a typical group's, if J > 0)
  vector[K] beta;
  vector<lower=0>[G] tau;                  // between-group sd: one, or none if J = 0
  vector<multiplier=(G ? tau[1] : 1)>[J] a;  // group deviations from alpha
}
model {
  vector[N] eta = alpha + X * beta;
  if (G) {
    eta += a[group];
    tau ~ normal(0, tau_scale);
    a ~ normal(0, tau[1]);
  }
  alpha ~ normal(alpha_loc, alpha_scale);
  beta ~ normal(0, beta_scale);
  y[fitted] ~ binomial(trials[fitted], inverse_link(eta[fitted], link));
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  array[pointwise ? N : 0] int y_rep;
  if (pointwise) {
    vector[N] eta = alpha + X * beta;
    if (G) {
      eta += a[group];
    }
    vector[N] p = inverse_link(eta, link);
    y_rep = binomial_rng(trials, p);
    for (i in 1:N) {
      log_lik[i] = binomial_lpmf(y[i] | trials[i], p[i]);
    }
  }
}
