// The build's task graph. Run through ./build.sh or ./build.ps1; `./build.sh --tree` shows it.
// Pipeline work is done by the CLI (src/Streetcar.Cli); these tasks only orchestrate.

#load "parameters.cake"
#load "paths.cake"
#load "tasks-dotnet.cake"
#load "tasks-pipeline.cake"
#load "tasks-reproduce.cake"
#load "tasks-score.cake"
#load "tasks-help.cake"

// Cake starts in the script's folder; every path in the build is relative to the repository root.
Context.Environment.WorkingDirectory = MakeAbsolute(Directory(".."));

//////////////////////////////////////////////////////////////////////
// SETUP
//////////////////////////////////////////////////////////////////////

Setup<BuildParameters>(context => BuildParameters.FromContext(context));

//////////////////////////////////////////////////////////////////////
// TARGETS
//////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("Builds and tests.")
    .IsDependentOn("Test");

RunTarget(Argument("target", "Default"));
