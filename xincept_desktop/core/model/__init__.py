"""XIncept-ALL network, offline ImageNet backbones, XGBoost head and model bundles."""
