using PolicyTracker.Evaluation.Feeds;

// Measurement commands; each prints a report and never fails on a low score.
if (args is ["feeds", var folder])
    return FeedsEvaluation.Run(folder, Console.Out);

Console.Error.WriteLine("usage: dotnet run --project tests/PolicyTracker.Evaluation -- feeds <corpus-folder>");
return 2;
