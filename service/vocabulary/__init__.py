"""The vocabulary of the domain as data, with its loaders: zones and places, unit words, number words, hedges,
months and weekdays, sentence ends. The bottom layer: it imports nothing of orbitcheck but `errors`."""
