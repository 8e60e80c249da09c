#pragma once

namespace herald::engine {

// Distribution functions used by the statistics code. Accuracy targets are close to double
// precision (relative ~1e-14 for the normal functions, ~1e-13 for the incomplete functions at
// moderate parameters); each returns NaN for arguments outside its domain.

/// Standard normal cumulative distribution P(Z <= x). O(1).
double normalCdf(double x);
/// Standard normal survival P(Z > x), accurate in the far upper tail. O(1).
double normalSf(double x);
/// Standard normal quantile: x with P(Z <= x) = p, p in (0, 1); -inf/inf at 0/1. O(1).
double normalQuantile(double p);
/// Inverse survival: x with P(Z > x) = q (as scipy's norm.isf). O(1).
double normalIsf(double q);

/// Natural log of the beta function B(a, b), a, b > 0. O(1).
double logBeta(double a, double b);
/// Regularised lower incomplete gamma P(a, x), a > 0, x >= 0. O(sqrt(a)) iterations.
double regularizedGammaP(double a, double x);
/// Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without cancellation. O(sqrt(a)).
double regularizedGammaQ(double a, double x);
/// Regularised incomplete beta I_x(a, b), a, b > 0, x in [0, 1]. O(sqrt(max(a, b))) iterations.
double regularizedBeta(double a, double b, double x);

/// Chi-squared survival P(X > x) with dof degrees of freedom. O(sqrt(dof)).
double chiSquaredSf(double x, double dof);
/// Student t two-sided p-value P(|T| > |t|) with dof degrees of freedom. O(sqrt(dof)).
double studentTTwoSidedP(double t, double dof);
/// Beta(a, b) density at x. O(1).
double betaPdf(double a, double b, double x);
/// Beta(a, b) cumulative distribution at x. O(sqrt(max(a, b))).
double betaCdf(double a, double b, double x);

} // namespace herald::engine
