using Streetcar.Train.Training;

namespace Streetcar.Train.Trajectories;

/// <summary>
/// What a training trajectory recorded (saved as <c>trajectory.json</c>): one record per epoch, from the first,
/// the class weights it trained with, and the generator states after its last epoch, which are all a resumed run
/// needs besides that epoch's weights (plain SGD keeps no optimizer state).
/// </summary>
/// <param name="Epochs">One record per epoch, epoch 1 first.</param>
/// <param name="ZeroWeight">Class weight of label 0.</param>
/// <param name="OneWeight">Class weight of label 1.</param>
/// <param name="ShuffleState">State of the epoch-shuffle generator after the last epoch.</param>
/// <param name="DropoutState">State of the dropout generator after the last epoch.</param>
public sealed record TrajectoryHistory(
    IReadOnlyList<EpochRecord> Epochs,
    double ZeroWeight,
    double OneWeight,
    ulong ShuffleState,
    ulong DropoutState);
