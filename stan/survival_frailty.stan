// Title: Parametric survival (exponential, Weibull, lognormal) with optional frailty
// Data:   kidney (data/kidney_brms.csv; McGilchrist & Aisbett 1991): infection times
//         of kidney patients in survival.md
// Priors: alpha ~ normal(alpha_loc, alpha_scale); beta ~ normal(0, beta_scale);
//         sigma ~ lognormal(0, sigma_scale) (Weibull and lognormal only);
//         tau ~ half-normal(0, tau_scale); b ~ normal(0, tau). All data. survival.md
//         (dict PRIORS): alpha_loc = 4.5, alpha_scale = 1.5, beta_scale = 1 for each
//         slope, sigma_scale = 0.5, tau_scale = 1.
// Pages:  chapters/04-glmm/survival.md
// PyMC:   chapters/04-glmm/survival.md, `kidney_pymc` (the Weibull or the
//         lognormal, from the dict PRIORS)
//
// An accelerated failure time (AFT) model for times t[i], of which those flagged
// `censored` are only known to exceed t[i] (right-censored):
//
//   log t[i] = eta[i] + sigma * e[i],   eta[i] = alpha + X[i] * beta + b[patient[i]],
//
// with the error e chosen by the data flag `family`: 1 exponential (the Weibull with
// sigma = 1), 2 Weibull (e minimum extreme value; Weibull shape 1 / sigma, scale
// exp(eta)), 3 lognormal (e standard normal). An event contributes the density f(t),
// a censored time the survival function S(t) = 1 - F(t), through the _lccdf.
// With J = 0 there is no frailty; with J > 0 every patient has a log-time deviation
// b[j] ~ normal(0, tau), non-centred by its multiplier. A positive coefficient means
// longer times. `pointwise = 1` returns log_lik and replicated (uncensored) times t_rep.
data {
  int<lower=1> N;
  int<lower=0> K;                          // predictors (columns of X)
  matrix[N, K] X;
  vector<lower=0>[N] t;                    // time of the event or of censoring
  array[N] int<lower=0, upper=1> censored; // 1: the event had not happened by t
  int<lower=1, upper=3> family;            // 1 exponential, 2 Weibull, 3 lognormal
  int<lower=0> J;                          // patients; 0 for no frailty
  array[N] int<lower=0, upper=J> patient;  // 1..J (all 0 when J = 0)
  real alpha_loc;
  real<lower=0> alpha_scale;
  vector<lower=0>[K] beta_scale;           // prior sd of each slope (prior mean 0)
  real<lower=0> sigma_scale;               // sd of log sigma's prior
  real<lower=0> tau_scale;                 // half-normal scale of the frailty sd
  int<lower=0, upper=1> pointwise;         // 1: return log_lik and t_rep
}
transformed data {
  int G = J > 0;                           // 1 if the model has a frailty
  int S = family > 1;                      // 1 if sigma is a parameter
  int N_cens = sum(censored);
  array[N - N_cens] int event;             // rows with an observed event
  array[N_cens] int cens;                  // censored rows
  {
    int k = 1;
    int m = 1;
    for (i in 1:N) {
      if (censored[i]) {
        cens[m] = i;
        m += 1;
      } else {
        event[k] = i;
        k += 1;
      }
    }
  }
}
parameters {
  real alpha;                              // log-time intercept
  vector[K] beta;                          // AFT coefficients (log-time ratios)
  vector<lower=0>[S] sigma;                // scale of the log-time error
  vector<lower=0>[G] tau;                  // frailty sd: one, or none if J = 0
  vector<multiplier=(G ? tau[1] : 1)>[J] b;  // patients' log-time deviations
}
transformed parameters {
  real sigma_t = S ? sigma[1] : 1.0;       // sigma of the family (1: exponential)
}
model {
  vector[N] eta = alpha + X * beta;
  if (G) {
    eta += b[patient];
    tau ~ normal(0, tau_scale);
    b ~ normal(0, tau[1]);
  }
  alpha ~ normal(alpha_loc, alpha_scale);
  beta ~ normal(0, beta_scale);
  sigma ~ lognormal(0, sigma_scale);
  real log_S;                              // log survival of the censored rows, summed
  if (family == 1) {
    t[event] ~ exponential(exp(-eta[event]));
    log_S = exponential_lccdf(t[cens] | exp(-eta[cens]));
  } else if (family == 2) {
    t[event] ~ weibull(1 / sigma_t, exp(eta[event]));
    log_S = weibull_lccdf(t[cens] | 1 / sigma_t, exp(eta[cens]));
  } else {
    t[event] ~ lognormal(eta[event], sigma_t);
    log_S = lognormal_lccdf(t[cens] | eta[cens], sigma_t);
  }
  target += log_S;                         // events: density; censored: S(t)
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  array[pointwise ? N : 0] real t_rep;
  if (pointwise) {
    vector[N] eta = alpha + X * beta;
    if (G) {
      eta += b[patient];
    }
    for (i in 1:N) {
      if (family == 1) {
        log_lik[i] = censored[i] ? exponential_lccdf(t[i] | exp(-eta[i]))
                                 : exponential_lpdf(t[i] | exp(-eta[i]));
        t_rep[i] = exponential_rng(exp(-eta[i]));
      } else if (family == 2) {
        log_lik[i] = censored[i] ? weibull_lccdf(t[i] | 1 / sigma_t, exp(eta[i]))
                                 : weibull_lpdf(t[i] | 1 / sigma_t, exp(eta[i]));
        t_rep[i] = weibull_rng(1 / sigma_t, exp(eta[i]));
      } else {
        log_lik[i] = censored[i] ? lognormal_lccdf(t[i] | eta[i], sigma_t)
                                 : lognormal_lpdf(t[i] | eta[i], sigma_t);
        t_rep[i] = lognormal_rng(eta[i], sigma_t);
      }
    }
  }
}
