namespace Streetcar.Cli.Models.Boosting;

/// <summary>What a boosting train entry records of the validation split (<see cref="BoostingStep.ValidationFile"/>).</summary>
/// <param name="ValidLoss">Unweighted log loss on validation, clipped as Keras clips (the network's <c>val_loss</c>).</param>
public sealed record BoostingValidation(double ValidLoss);
