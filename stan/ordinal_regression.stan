// Ordinal regression: cumulative or sequential-ratio model, logit or probit, optional varying intercepts.
// Data:   wine (data/wine.csv; Randall 1989): bitterness ratings by nine judges;
//         inhaler (data/inhaler.csv; Ezzet & Whitehead 1991): a crossover trial with
//         286 patients; both in ordinal.md
// Priors: cut_ordered (cumulative) or cut_free (sequential) ~ normal(cut_loc, cut_scale);
//         beta ~ normal(0, beta_scale); tau ~ half-normal(0, tau_scale); a ~ normal(0, tau).
//         All data, from the dict PRIORS of ordinal.md: cut_loc = 0 for every cutpoint,
//         cut_scale = 5, beta_scale = 2.5, tau_scale = 2. For the comparison with
//         bambi's default, cut_loc = [-2, 0, 2] and cut_scale = 1 (dict BAMBI_DEFAULT).
// Pages:  chapters/04-glmm/ordinal.md
// PyMC:   chapters/04-glmm/ordinal.md, `wine_pymc` (cumulative logit with judges,
//         pm.OrderedLogistic; reads the dict PRIORS)
//
// An outcome y[i] in 1..C, a linear predictor eta[i] = X[i] * beta + a[group[i]] (no
// intercept: the C - 1 cutpoints take its place) and a latent-error cdf F, the logistic
// (link = 1) or the standard normal (link = 2). Two ways to turn them into probabilities:
//
//   family = 1, cumulative:  P(y <= k) = F(cutpoints[k] - eta). Equivalently a latent
//       y* = eta + error, cut at the cutpoints; they must be ordered.
//   family = 2, sequential ratio (stopping ratio, a continuation-ratio model):
//       P(y = k | y >= k) = F(cutpoints[k] - eta): the categories are passed one by one,
//       and at each a binary model decides whether to stop. Any cutpoints will do.
//
// With J = 0 there are no groups. With J > 0 every group has its own deviation
// a[j] ~ normal(0, tau), non-centred by its multiplier. `pointwise = 1` returns log_lik
// and replicated data y_rep for every row.
functions {
  // log F(x) and log(1 - F(x)), F the cdf of the latent error
  real log_F(real x, int link) {
    if (link == 1) {
      return log_inv_logit(x);
    }
    return std_normal_lcdf(x);
  }
  real log1m_F(real x, int link) {
    if (link == 1) {
      return log1m_inv_logit(x);
    }
    return std_normal_lccdf(x);
  }
  // log P(y = k) for k = 1..C, given eta and the C - 1 cutpoints
  vector category_log_probs(real eta, vector cutpoints, int link, int family) {
    int C = rows(cutpoints) + 1;
    vector[C] lp;
    if (family == 1) {
      lp[1] = log_F(cutpoints[1] - eta, link);
      for (k in 2:(C - 1)) {
        lp[k] = log_diff_exp(log_F(cutpoints[k] - eta, link),
                             log_F(cutpoints[k - 1] - eta, link));
      }
      lp[C] = log1m_F(cutpoints[C - 1] - eta, link);
    } else {
      real passed = 0;                     // log P(y >= k)
      for (k in 1:(C - 1)) {
        lp[k] = passed + log_F(cutpoints[k] - eta, link);
        passed += log1m_F(cutpoints[k] - eta, link);
      }
      lp[C] = passed;
    }
    return lp;
  }
  // log P(y = k): the likelihood of one observation
  real ordinal_lpmf(int k, real eta, vector cutpoints, int link, int family) {
    vector[rows(cutpoints) + 1] lp = category_log_probs(eta, cutpoints, link, family);
    return lp[k];
  }
}
data {
  int<lower=1> N;
  int<lower=3> C;                          // categories
  int<lower=0> K;                          // predictors (columns of X)
  matrix[N, K] X;
  array[N] int<lower=1, upper=C> y;
  int<lower=1, upper=2> link;              // 1 logit, 2 probit
  int<lower=1, upper=2> family;            // 1 cumulative, 2 sequential ratio
  int<lower=0> J;                          // groups; 0 for none
  array[N] int<lower=0, upper=J> group;    // 1..J (all 0 when J = 0)
  vector[C - 1] cut_loc;
  real<lower=0> cut_scale;
  real<lower=0> beta_scale;
  real<lower=0> tau_scale;
  int<lower=0, upper=1> pointwise;         // 1: return log_lik and y_rep
}
transformed data {
  int G = J > 0;                           // 1 if the model has varying intercepts
  int cumulative = family == 1;
  // The sequential model as binary decisions, one per step a row reaches: row i passes
  // steps 1..y[i] - 1 and stops at step y[i] (a row in category C passes every step).
  int S = 0;
  for (i in 1:N) {
    S += min(y[i], C - 1);
  }
  array[S] int step_row;
  array[S] int step_k;
  array[S] int stops;
  {
    int s = 1;
    for (i in 1:N) {
      for (k in 1:min(y[i], C - 1)) {
        step_row[s] = i;
        step_k[s] = k;
        stops[s] = k == y[i];
        s += 1;
      }
    }
  }
}
parameters {
  ordered[cumulative ? C - 1 : 0] cut_ordered;
  vector[cumulative ? 0 : C - 1] cut_free;
  vector[K] beta;
  vector<lower=0>[G] tau;                  // between-group sd: one, or none if J = 0
  vector<multiplier=(G ? tau[1] : 1)>[J] a;  // group deviations
}
transformed parameters {
  vector[C - 1] cutpoints = cumulative ? cut_ordered : cut_free;
}
model {
  vector[N] eta = X * beta;
  if (G) {
    eta += a[group];
    tau ~ normal(0, tau_scale);
    a ~ normal(0, tau[1]);
  }
  if (cumulative) {
    cut_ordered ~ normal(cut_loc, cut_scale);
  } else {
    cut_free ~ normal(cut_loc, cut_scale);
  }
  beta ~ normal(0, beta_scale);
  if (cumulative && link == 1) {
    y ~ ordered_logistic(eta, cutpoints);  // Stan's built-in, with analytic gradients
  } else if (cumulative) {
    y ~ ordered_probit(eta, cutpoints);
  } else if (link == 1) {
    // the sequential logit likelihood, vectorised: analytic gradients, no loop
    stops ~ bernoulli_logit(cutpoints[step_k] - eta[step_row]);
  } else {
    for (i in 1:N) {
      y[i] ~ ordinal(eta[i], cutpoints, link, family);
    }
  }
}
generated quantities {
  vector[pointwise ? N : 0] log_lik;
  array[pointwise ? N : 0] int y_rep;
  if (pointwise) {
    vector[N] eta = X * beta;
    if (G) {
      eta += a[group];
    }
    for (i in 1:N) {
      vector[C] lp = category_log_probs(eta[i], cutpoints, link, family);
      log_lik[i] = lp[y[i]];
      y_rep[i] = categorical_logit_rng(lp);
    }
  }
}
