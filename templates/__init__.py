"""The Word templates of chibo, shipped as the data of the package `chibo.templates`.

A secretary may restyle a copy of them in Word (see the README); chibo finds these
originals with importlib.resources, in a checkout and in every install.
"""
