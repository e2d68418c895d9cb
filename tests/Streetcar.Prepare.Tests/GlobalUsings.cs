global using Streetcar.Testing;
global using Xunit;
