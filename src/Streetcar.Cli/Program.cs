using Streetcar.Cli;

return CliApp.Run(args);
