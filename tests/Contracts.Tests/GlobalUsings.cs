global using Marketplace.TestSupport;
global using Xunit;
