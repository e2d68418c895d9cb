namespace Streetcar.Report.Statistics;

/// <summary>One model's proportion on the test set with its Wilson interval, and what it is in words.</summary>
/// <param name="Subject">What the proportion is, as a reader should see it, e.g. "exp5's recall (the serving repeat, 2)".</param>
/// <param name="Of">What the successes and trials count, e.g. "delays caught" — written as "{successes} of {trials} {Of}".</param>
public sealed record TestSetInterval(string Subject, string Of, ProportionEstimate Estimate);
